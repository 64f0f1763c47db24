package vn.dossierpost.service.counter;

import java.text.Normalizer;
import vn.dossierpost.service.Problem;

/**
 * The name a clerk's computer gave a file, kept as given (NFC, so "Tờ khai" compares equal however it
 * was typed) for the database and the download's Content-Disposition only: it never becomes a path,
 * so "../../x" or "/etc/passwd" are harmless names. What is refused is what cannot be shown or
 * passed on safely: control characters (NUL, line breaks), bidirectional overrides that disguise an
 * extension, and names over 255 characters (the common file-system limit).
 */
public final class FileNames {
    public static final int MAX_LENGTH = 255;

    private FileNames() {}

    /** The name in NFC; throws a 422 {@link Problem} on {@code field} when it is refused. */
    public static String check(String given, String field) {
        if (given == null || given.isBlank()) {
            throw Problem.invalid(field, "has no file name: send each scan as a file part with a filename");
        }
        String name = Normalizer.normalize(given, Normalizer.Form.NFC);
        if (name.codePoints().anyMatch(FileNames::refused)) {
            throw Problem.invalid(
                    field,
                    "'" + printable(name) + "': a file name must not contain control characters "
                            + "(NUL, line breaks, tabs) or direction overrides");
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX_LENGTH) {
            throw Problem.invalid(
                    field,
                    "'" + start(printable(name), 40) + "…': the file name is " + length + " characters long; at most "
                            + MAX_LENGTH);
        }
        return name;
    }

    private static boolean refused(int c) {
        return Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static String start(String s, int codePoints) {
        return s.codePointCount(0, s.length()) <= codePoints ? s : s.substring(0, s.offsetByCodePoints(0, codePoints));
    }

    /** The name with control characters shown as \\uXXXX, for messages. */
    private static String printable(String name) {
        StringBuilder b = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (refused(c)) {
                b.append(String.format("\\u%04X", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
