package vn.dossierpost.domain;

import java.util.stream.IntStream;

/**
 * An organisation's tax code (mã số thuế, TT 105/2020/TT-BTC): 10 digits {@code PP NNNNNNN C} — the
 * province where it was first registered, a sequence and a check digit — or, for a dependent unit
 * (a branch), those 10 digits, '-' and a 3-digit branch number 001 to 999. Kept with the hyphen.
 */
public record TaxCode(String value) {
    /** Weights of the first nine digits; the check digit is 10 − (weighted sum mod 11). */
    static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

    public TaxCode {
        if (value == null || !value.matches("\\d{10}(-\\d{3})?")) {
            throw new InvalidValueException(
                    "must be a tax code: 10 digits, or 10 digits, '-' and a 3-digit branch number (0101234567-001)");
        }
        if (value.startsWith("00") || value.substring(2, 9).equals("0000000")) {
            throw new InvalidValueException("is not a tax code: the province or the sequence is 0");
        }
        if (value.endsWith("-000")) {
            throw new InvalidValueException("branch number must be 001 to 999");
        }
        int check = checkDigit(value);
        if (check != value.charAt(9) - '0') {
            throw new InvalidValueException("check digit (10th digit) is wrong: the number has a typing error");
        }
    }

    /** Parses a code typed with spaces or dots; 13 digits without the hyphen are read as 10 + branch. */
    public static TaxCode parse(String raw) {
        String v = raw == null ? null : raw.replaceAll("[\\s.]+", "");
        if (v != null && v.matches("\\d{13}")) {
            v = v.substring(0, 10) + "-" + v.substring(10);
        }
        return new TaxCode(v);
    }

    /** The check digit of the first nine digits; -1 where the sum allows none (10 − 0 is not a digit). */
    static int checkDigit(String digits) {
        int sum = IntStream.range(0, WEIGHTS.length)
                .map(i -> (digits.charAt(i) - '0') * WEIGHTS[i])
                .sum();
        int check = 10 - sum % 11;
        return check == 10 ? -1 : check;
    }

    public boolean branch() {
        return value.length() == 14;
    }
}
