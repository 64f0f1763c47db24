package vn.dossierpost.domain;

import java.util.regex.Pattern;

/**
 * The national identifier of an agency, {@code NNN.NN.NN.XNN}: 3 digits, 2 digits, 2 digits, then
 * one uppercase letter and 2 digits, e.g. {@code 000.00.15.H29} or {@code 000.00.00.G12}. It is the
 * first part of every dossier code.
 */
public final class AgencyIdentifier {

    static final String REGEX = "\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private AgencyIdentifier() {}

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    /** Returns the identifier unchanged, or throws saying what the format is. */
    public static String requireValid(String value) {
        if (!isValid(value)) {
            throw new InvalidValueException("must be an agency identifier NNN.NN.NN.XNN: 3 digits, 2 digits,"
                    + " 2 digits, one uppercase letter and 2 digits, separated by dots (e.g. 000.00.15.H29)");
        }
        return value;
    }
}
