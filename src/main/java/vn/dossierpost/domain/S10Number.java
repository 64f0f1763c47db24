package vn.dossierpost.domain;

import java.util.Locale;

/**
 * A postal item identifier in the UPU S10 format: 2-letter service indicator, 8-digit serial,
 * 1 check digit and the 2-letter country code, e.g. {@code EE473124829VN}. One per leg.
 *
 * <p>The record accepts any country code so it can represent any S10 item; {@link #parse(String)}
 * and {@link #isValid(String)} are for input to this service, whose items are all issued in
 * Viet Nam, and so require {@code VN} (use {@link #parse(String, String)} for another country).
 */
public record S10Number(String value) {

    public static final String DEFAULT_COUNTRY = "VN";
    public static final long MAX_SERIAL = 99_999_999L;
    private static final int[] WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};
    private static final String FORMAT =
            "must be 13 characters: 2-letter service indicator, 8-digit serial, check digit, 2-letter"
                    + " country code (e.g. EE473124829VN)";

    public S10Number {
        validate(value);
    }

    /** A Viet Nam item number for this service indicator and serial, with its check digit. */
    public static S10Number of(String serviceIndicator, long serial) {
        return of(serviceIndicator, serial, DEFAULT_COUNTRY);
    }

    public static S10Number of(String serviceIndicator, long serial, String countryCode) {
        if (!isTwoUppercaseLetters(serviceIndicator)) {
            throw new InvalidValueException("service indicator must be 2 uppercase letters A-Z, e.g. EE");
        }
        if (!isTwoUppercaseLetters(countryCode)) {
            throw new InvalidValueException("country code must be 2 uppercase letters A-Z, e.g. VN");
        }
        if (serial < 0 || serial > MAX_SERIAL) {
            throw new InvalidValueException("serial must be between 0 and 99999999");
        }
        String digits = String.format("%08d", serial);
        return new S10Number(serviceIndicator + digits + checkDigit(digits) + countryCode);
    }

    /**
     * The S10 check digit of an 8-digit serial: weights 8,6,4,2,3,5,9,7, S = Σ digit × weight,
     * C = 11 − (S mod 11), with C = 10 written 0 and C = 11 written 5.
     */
    public static int checkDigit(String eightDigits) {
        if (eightDigits == null || eightDigits.length() != 8 || !allDigits(eightDigits)) {
            throw new InvalidValueException("serial must be exactly 8 digits");
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (eightDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        int c = 11 - (sum % 11);
        if (c == 10) {
            return 0;
        }
        if (c == 11) {
            return 5;
        }
        return c;
    }

    /** Parses an item number typed or scanned for this service: trims, uppercases, requires VN. */
    public static S10Number parse(String raw) {
        return parse(raw, DEFAULT_COUNTRY);
    }

    public static S10Number parse(String raw, String expectedCountryCode) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException(FORMAT);
        }
        S10Number number = new S10Number(raw.trim().toUpperCase(Locale.ROOT));
        if (!number.countryCode().equals(expectedCountryCode)) {
            throw new InvalidValueException(
                    "country code must be " + expectedCountryCode + ", was " + number.countryCode());
        }
        return number;
    }

    /** True when {@link #parse(String)} would accept the text. */
    public static boolean isValid(String raw) {
        try {
            parse(raw);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    public String serviceIndicator() {
        return value.substring(0, 2);
    }

    public long serial() {
        return Long.parseLong(value.substring(2, 10));
    }

    public int checkDigit() {
        return value.charAt(10) - '0';
    }

    public String countryCode() {
        return value.substring(11, 13);
    }

    @Override
    public String toString() {
        return value;
    }

    private static void validate(String value) {
        if (value == null || value.length() != 13) {
            throw new InvalidValueException(FORMAT);
        }
        if (!isTwoUppercaseLetters(value.substring(0, 2))) {
            throw new InvalidValueException("must start with a 2-letter service indicator (A-Z), e.g. EE");
        }
        if (!allDigits(value.substring(2, 11))) {
            throw new InvalidValueException("characters 3 to 11 must be digits: 8-digit serial and check digit");
        }
        if (!isTwoUppercaseLetters(value.substring(11))) {
            throw new InvalidValueException("must end with a 2-letter country code (A-Z), e.g. VN");
        }
        int expected = checkDigit(value.substring(2, 10));
        int actual = value.charAt(10) - '0';
        if (expected != actual) {
            throw new InvalidValueException("check digit is " + actual + " but serial " + value.substring(2, 10)
                    + " requires " + expected + ": the number is mistyped");
        }
    }

    private static boolean isTwoUppercaseLetters(String s) {
        return s != null && s.length() == 2 && isUpperAscii(s.charAt(0)) && isUpperAscii(s.charAt(1));
    }

    private static boolean isUpperAscii(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
