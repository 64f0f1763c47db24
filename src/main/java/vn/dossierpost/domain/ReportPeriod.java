package vn.dossierpost.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days a periodic report covers, both ends included (local days of the offices). TT 17/2017
 * Arts. 13–14 ask for quarters, half-years and years, so a period is either named ({@code 2026-Q1}…
 * {@code 2026-Q4}, {@code 2026-H1}, {@code 2026-H2}, {@code 2026}) or given by its first and last day.
 */
public record ReportPeriod(LocalDate from, LocalDate to, String name) {
    /** Longer spans are a question for the archive, not for a report run against the live tables. */
    public static final int MAX_YEARS = 5;

    private static final Pattern NAMED = Pattern.compile("(\\d{4})(?:-(Q[1-4]|H[12]))?");

    /** A value the caller gave does not make a period; {@link #field()} says which parameter. */
    public static final class Invalid extends InvalidValueException {
        private final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /**
     * From the request's parameters: {@code period} when given (and then neither date), otherwise
     * both {@code from} and {@code to} as YYYY-MM-DD.
     */
    public static ReportPeriod parse(String period, String from, String to) {
        if (present(period)) {
            if (present(from) || present(to)) {
                throw new Invalid("period", "give either period or from and to, not both");
            }
            return named(period.trim());
        }
        if (!present(from) && !present(to)) {
            throw new Invalid("period", "is required: 2026-Q1…Q4, 2026-H1, 2026-H2 or 2026, or from and to");
        }
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (last.isBefore(first)) {
            throw new Invalid("to", "must not be before from (" + first + ")");
        }
        if (last.isAfter(first.plusYears(MAX_YEARS).minusDays(1))) {
            throw new Invalid("to", "a period may span at most " + MAX_YEARS + " years");
        }
        return new ReportPeriod(first, last, first + " – " + last);
    }

    public static ReportPeriod named(String text) {
        Matcher m = NAMED.matcher(text);
        if (!m.matches()) {
            throw new Invalid(
                    "period", "'" + text + "' is not a period: expected 2026-Q1…Q4, 2026-H1, 2026-H2 or 2026");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000 || year > 2999) {
            throw new Invalid("period", "the year " + year + " is out of range");
        }
        String part = m.group(2);
        if (part == null) {
            return of(LocalDate.of(year, 1, 1), 12, text);
        }
        int index = part.charAt(1) - '1';
        int months = part.charAt(0) == 'Q' ? 3 : 6;
        return of(LocalDate.of(year, 1 + index * months, 1), months, text);
    }

    private static ReportPeriod of(LocalDate first, int months, String name) {
        return new ReportPeriod(first, first.plusMonths(months).minusDays(1), name);
    }

    /** Number of days covered. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static LocalDate day(String field, String text) {
        if (!present(text)) {
            throw new Invalid(field, "is required: a date as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new Invalid(field, "'" + text + "' is not a date as YYYY-MM-DD");
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
