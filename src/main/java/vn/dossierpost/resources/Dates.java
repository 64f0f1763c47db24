package vn.dossierpost.resources;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import vn.dossierpost.service.Problem;

/** A date from a path or query parameter, or a 422 naming the parameter. */
final class Dates {
    private Dates() {
    }

    static LocalDate parse(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw Problem.invalid(field, "must be a date YYYY-MM-DD, got '" + value + "'");
        }
    }
}
