package vn.dossierpost.service.supervision;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.OptionalLong;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Text;

/**
 * What the complaints register and the incidents share: checking what staff type. Both are kept by the
 * dossier's office, and each user sees what {@code User.officeScope()} confines them to.
 */
final class RegisterInput {
    static final int MAX_TEXT = 4000;

    private RegisterInput() {}

    static String oneOf(String field, String value, List<String> allowed) {
        String v = value == null ? "" : value.trim().toUpperCase();
        if (!allowed.contains(v)) {
            throw Problem.invalid(field, "must be one of " + String.join(", ", allowed));
        }
        return v;
    }

    static String text(String field, String value, int max) {
        String v = Text.blankToNull(value);
        if (v == null) {
            throw Problem.invalid(field, "is required");
        }
        if (v.trim().length() > max) {
            throw Problem.invalid(field, "must be at most " + max + " characters");
        }
        return v.trim();
    }

    /** A day as YYYY-MM-DD, not after today; today when left out. */
    static LocalDate dayUpToToday(String field, String given, LocalDate today) {
        if (given == null || given.isBlank()) {
            return today;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(given.trim());
        } catch (DateTimeParseException e) {
            throw Problem.invalid(field, "must be a day as YYYY-MM-DD");
        }
        if (day.isAfter(today)) {
            throw Problem.invalid(field, "is in the future");
        }
        return day;
    }

    /** Nothing about a dossier happens before the post received it. */
    static void notBeforeReceipt(String field, LocalDate day, DossierRow dossier, ZoneId zone) {
        LocalDate received = dossier.receivedAt().atZoneSameInstant(zone).toLocalDate();
        if (day.isBefore(received)) {
            throw Problem.invalid(field, "is before dossier " + dossier.code() + " was received (" + received + ")");
        }
    }

    /** The id in a register number such as KN-000001 ({@code prefix} "KN"); empty when it is not one. */
    static OptionalLong id(String prefix, String number) {
        String n = number == null ? "" : number.trim().toUpperCase();
        return n.matches(prefix + "-\\d{1,12}")
                ? OptionalLong.of(Long.parseLong(n.substring(prefix.length() + 1)))
                : OptionalLong.empty();
    }

    static void requireSupervisor(User user, String what) {
        if (user.role() != Role.SUPERVISOR && user.role() != Role.ADMIN) {
            throw Problem.forbidden("a supervisor " + what);
        }
    }
}
