package vn.dossierpost.domain;

import java.util.regex.Pattern;

/**
 * A Vietnamese mobile number, kept in the national form {@code 0xxxxxxxxx}: 0 then 9 digits of which
 * the first is 3, 5, 7, 8 or 9. Input may also be {@code +84} followed by those 9 digits; spaces,
 * dots and dashes are ignored. Landlines and the bare {@code 84...} form are not accepted.
 */
public record PhoneNumber(String value) {

    private static final Pattern NATIONAL = Pattern.compile("0[35789]\\d{8}");
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+84[35789]\\d{8}");
    private static final String FORMAT = "must be a Vietnamese mobile number: 0 and 9 digits starting with"
            + " 3, 5, 7, 8 or 9 (e.g. 0912345678), or +84 and the same 9 digits";

    public PhoneNumber {
        if (value == null || !NATIONAL.matcher(value).matches()) {
            throw new InvalidValueException(FORMAT);
        }
    }

    public static PhoneNumber parse(String raw) {
        if (raw == null) {
            throw new InvalidValueException(FORMAT);
        }
        String compact = raw.replaceAll("[\\s.\\-]", "");
        if (INTERNATIONAL.matcher(compact).matches()) {
            return new PhoneNumber("0" + compact.substring(3));
        }
        return new PhoneNumber(compact);
    }

    /** The E.164 form, e.g. +84912345678, as SMS gateways want it. */
    public String international() {
        return "+84" + value.substring(1);
    }

    @Override
    public String toString() {
        return value;
    }
}
