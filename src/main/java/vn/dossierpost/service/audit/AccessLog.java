package vn.dossierpost.service.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.AccessLogPage;
import vn.dossierpost.db.AccessLogDAO;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Text;

/**
 * Who read which person's data: every successful staff read of a dossier, its files, slip,
 * timeline or notifications, a return item, a handover, or a list of them is one row in PostgreSQL
 * (one small INSERT, on an indexed append-only table, in the request that read). Written before the
 * answer leaves: a read that cannot be recorded is not answered.
 */
public final class AccessLog {
    /** Longest stored text of a request's path or list query: enough to say what was asked. */
    private static final int MAX_TEXT = 500;

    private final Jdbi jdbi;
    private final ZoneId zone;

    public AccessLog(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    public void record(PersonalDataRead read) {
        jdbi.useExtension(
                AccessLogDAO.class,
                dao -> dao.insert(
                        read.reader().username(),
                        read.reader().role().name(),
                        read.reader().officeCode(),
                        read.reader().agencyCode(),
                        read.kind(),
                        read.dossierCode(),
                        read.s10Number(),
                        cut(read.reference()),
                        read.method(),
                        cut(read.path()),
                        read.address()));
    }

    /**
     * Entries newest first: of one dossier, one user, from a day to a day (both included, in the
     * service's time zone); keyset paged by {@code before}.
     */
    public AccessLogPage list(String dossier, String user, String from, String to, Long before, int limit) {
        if (limit < 1 || limit > 500) {
            throw Problem.invalid("limit", "must be between 1 and 500");
        }
        OffsetDateTime since =
                from == null ? null : day("from", from).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime until =
                to == null ? null : day("to", to).plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        List<AccessLogDAO.Entry> rows = jdbi.withExtension(
                AccessLogDAO.class,
                dao -> dao.list(Text.blankToNull(dossier), Text.blankToNull(user), since, until, before, limit + 1));
        Long next = rows.size() > limit ? rows.get(limit - 1).id() : null;
        return new AccessLogPage(
                rows.stream()
                        .limit(limit)
                        .map(r -> new AccessLogPage.Entry(
                                r.id(),
                                r.at().atZoneSameInstant(zone).toOffsetDateTime(),
                                r.username(),
                                r.role(),
                                r.officeCode(),
                                r.agencyCode(),
                                r.kind(),
                                r.dossierCode(),
                                r.reference(),
                                r.method(),
                                r.path(),
                                r.address()))
                        .toList(),
                next);
    }

    private static LocalDate day(String field, String text) {
        if (text.length() > 10) {
            throw Problem.invalid(field, "must be a date as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Problem.invalid(field, "'" + text + "' is not a date as YYYY-MM-DD");
        }
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
