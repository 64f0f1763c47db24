package vn.dossierpost.http;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import vn.dossierpost.service.Problem;

/** A date from a path or query parameter, or a 422 naming the parameter. */
public final class Dates {
    /** Past these a date is a typing mistake (and far past them, more than the database keeps). */
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private Dates() {}

    /** The date, or null when the parameter is left out. */
    public static LocalDate parse(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw Problem.invalid(field, "must be a date YYYY-MM-DD, got '" + value + "'");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw Problem.invalid(
                    field, "must be a date between " + EARLIEST + " and " + LATEST + ", got '" + value + "'");
        }
        return date;
    }

    /** As {@link #parse}, for a date that must be given. */
    public static LocalDate required(String value, String field) {
        LocalDate date = parse(value, field);
        if (date == null) {
            throw Problem.invalid(field, "is required: a date YYYY-MM-DD");
        }
        return date;
    }
}
