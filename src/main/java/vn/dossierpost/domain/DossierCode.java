package vn.dossierpost.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dossier code of Circular 01/2018/TT-VPCP Art. 19: {@code <agency id>-YYMMDD-XXXX}, e.g.
 * {@code 000.00.15.H29-261122-0001}, where YYMMDD is the receipt date and XXXX the sequence of the
 * dossier within that day for that agency, from 1.
 *
 * <p>The circular sizes the sequence at 4 digits. A busy agency can receive more than 9,999
 * dossiers on one day; refusing a dossier for that reason would be worse than a longer code, so
 * past 9999 the sequence widens (10000, 10001, ...) without leading zeros. Codes stay unique and
 * parse back to the same value. YY is read as 20YY, so receipt dates lie in 2000–2099.
 */
public record DossierCode(String agencyId, LocalDate receiptDate, int sequence) {

    private static final Pattern PATTERN =
            Pattern.compile("(" + AgencyIdentifier.REGEX + ")-(\\d{2})(\\d{2})(\\d{2})-(\\d{4,9})");
    private static final String FORMAT =
            "must be a dossier code <agency id>-YYMMDD-XXXX," + " e.g. 000.00.15.H29-261122-0001";

    public DossierCode {
        AgencyIdentifier.requireValid(agencyId);
        if (receiptDate == null || receiptDate.getYear() < 2000 || receiptDate.getYear() > 2099) {
            throw new InvalidValueException("receipt date must be between 2000-01-01 and 2099-12-31");
        }
        if (sequence < 1) {
            throw new InvalidValueException("sequence must be 1 or more");
        }
    }

    public String value() {
        return agencyId + "-"
                + String.format(
                        Locale.ROOT,
                        "%02d%02d%02d",
                        receiptDate.getYear() % 100,
                        receiptDate.getMonthValue(),
                        receiptDate.getDayOfMonth())
                + "-" + String.format(Locale.ROOT, "%04d", sequence);
    }

    @Override
    public String toString() {
        return value();
    }

    /** Parses a code (trimmed, letters uppercased); it must be the exact text {@link #value()} gives. */
    public static DossierCode parse(String raw) {
        if (raw == null) {
            throw new InvalidValueException(FORMAT);
        }
        Matcher m = PATTERN.matcher(raw.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidValueException(FORMAT);
        }
        String seq = m.group(5);
        if (seq.length() > 4 && seq.charAt(0) == '0') {
            throw new InvalidValueException("sequence " + seq + " must have 4 digits, or no leading zero when longer");
        }
        LocalDate date;
        try {
            date = LocalDate.of(
                    2000 + Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
        } catch (DateTimeException e) {
            throw new InvalidValueException("YYMMDD " + m.group(2) + m.group(3) + m.group(4) + " is not a date");
        }
        return new DossierCode(m.group(1), date, Integer.parseInt(seq));
    }

    /**
     * A quick syntactic check, with no date validation, to tell a dossier code from an S10 number
     * (for example in the public tracking search).
     */
    public static boolean looksLike(String raw) {
        return raw != null
                && PATTERN.matcher(raw.trim().toUpperCase(Locale.ROOT)).matches();
    }
}
