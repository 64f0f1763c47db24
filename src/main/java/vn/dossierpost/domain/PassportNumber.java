package vn.dossierpost.domain;

import java.util.Locale;

/**
 * A passport number, Vietnamese or foreign. ICAO 9303 gives the document number 9 characters in the
 * machine-readable zone (longer ones continue elsewhere, which no state issuing to visitors here does);
 * Vietnamese passports have a letter and 7 digits. So: letters A-Z and digits, at least one digit,
 * {@link #MIN_LENGTH} to {@link #MAX_LENGTH} long, kept upper-case without spaces.
 */
public record PassportNumber(String value) {
    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 9;

    public PassportNumber {
        if (value == null || !value.matches("[A-Z0-9]{" + MIN_LENGTH + "," + MAX_LENGTH + "}")) {
            throw new InvalidValueException("must be a passport number: " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " letters A-Z or digits (e.g. C1234567)");
        }
        if (!value.matches(".*\\d.*")) {
            throw new InvalidValueException("must contain digits: a passport number is letters and digits");
        }
    }

    /** Parses a number typed with spaces, hyphens or in lower case. */
    public static PassportNumber parse(String raw) {
        return new PassportNumber(
                raw == null ? null : raw.replaceAll("[\\s-]+", "").toUpperCase(Locale.ROOT));
    }
}
