package vn.dossierpost.service.counter;

import java.util.Locale;

/** Byte counts for people: "20 MB" (decimal units, as the limits in config.yml are written). */
final class Sizes {
    private Sizes() {}

    static String describe(long bytes) {
        if (bytes < 1000) {
            return bytes + " bytes";
        }
        if (bytes < 1_000_000) {
            return trim(bytes / 1e3) + " kB";
        }
        if (bytes < 1_000_000_000) {
            return trim(bytes / 1e6) + " MB";
        }
        return trim(bytes / 1e9) + " GB";
    }

    private static String trim(double value) {
        String s = String.format(Locale.ROOT, "%.1f", value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
