package vn.dossierpost.domain;

import java.util.Set;

/**
 * A citizen identity card number (CCCD), 12 digits {@code PPP G YY RRRRRR}: province of birth
 * registration (one of the 63 pre-2025 province codes), a century/sex digit (0/1 born in the 1900s
 * male/female, 2/3 in the 2000s, 4/5 in the 2100s), the last two digits of the birth year and six
 * random digits. There is no checksum, so checking the parts is all that can be done.
 *
 * <p>{@link #toString()} shows only the last four digits so the number does not leak into logs;
 * use {@link #value()} to store it.
 */
public record CitizenId(String value) {

    /** The 63 province codes used in CCCD numbers (the provinces before the 2025 merger). */
    public static final Set<String> PROVINCE_CODES = Set.of(
            "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024",
            "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045",
            "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070",
            "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093",
            "094", "095", "096");

    public CitizenId {
        if (value == null || !value.matches("\\d{12}")) {
            throw new InvalidValueException(
                    "must be 12 digits: 3-digit province code, century/sex digit," + " 2-digit birth year, 6 digits");
        }
        String province = value.substring(0, 3);
        if (!PROVINCE_CODES.contains(province)) {
            throw new InvalidValueException(
                    "first 3 digits " + province + " are not a province code (one of the 63 codes from 001 to 096)");
        }
        char g = value.charAt(3);
        if (g > '5') {
            throw new InvalidValueException("4th digit (century and sex) is " + g
                    + " but must be 0 to 5: 0/1 born 1900-1999, 2/3 born 2000-2099, 4/5 born 2100-2199");
        }
    }

    /** Parses a number typed with or without spaces; the birth year must not be after currentYear. */
    public static CitizenId parse(String raw, int currentYear) {
        String digits = raw == null ? null : raw.replaceAll("\\s+", "");
        CitizenId id = new CitizenId(digits);
        if (id.birthYear() > currentYear) {
            throw new InvalidValueException("birth year " + id.birthYear() + " (4th digit " + digits.charAt(3)
                    + ", 5th-6th digits " + digits.substring(4, 6) + ") is after " + currentYear);
        }
        return id;
    }

    public int birthYear() {
        int century = value.charAt(3) - '0';
        return 1900 + (century / 2) * 100 + Integer.parseInt(value.substring(4, 6));
    }

    public boolean female() {
        return (value.charAt(3) - '0') % 2 == 1;
    }

    public String provinceCode() {
        return value.substring(0, 3);
    }

    public String lastFour() {
        return value.substring(8);
    }

    @Override
    public String toString() {
        return "********" + lastFour();
    }
}
