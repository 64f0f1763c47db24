package vn.dossierpost.service.counter;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.api.S10SeriesRequest;
import vn.dossierpost.api.S10SeriesView;
import vn.dossierpost.db.S10SeriesDAO;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.S10Number;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Text;
import vn.dossierpost.service.catalogue.ReferenceDataCache;

/**
 * S10 numbers in series per office (UPU S10: a prefix and a range of serials): an administrator
 * loads them, intake ({@code IntakeWriter}) and the collection of a result take the next number of
 * the office's oldest series with numbers left. An office with fewer than {@code alertBelow} numbers
 * left is reported (health check, supervisor's page) so a new series is loaded before they run out;
 * with none left intake is refused with 409, never a number issued twice.
 */
public final class S10Series {
    private final Jdbi jdbi;
    private final ReferenceDataCache referenceData;
    private final Clock clock;
    private final ZoneId zone;
    private final int alertBelow;

    public S10Series(Jdbi jdbi, ReferenceDataCache referenceData, Clock clock, ZoneId zone, int alertBelow) {
        this.jdbi = jdbi;
        this.referenceData = referenceData;
        this.clock = clock;
        this.zone = zone;
        this.alertBelow = alertBelow;
    }

    /** 409: the office has used every number of its series. */
    public static Problem noneLeft(String officeCode) {
        return Problem.conflict(
                "post office " + officeCode + " has no S10 numbers left: an administrator loads a new series "
                        + "(POST /api/s10-series) before anything more is taken in or collected there",
                Map.of("officeCode", officeCode, "load", "/api/s10-series"));
    }

    /** The next number of the office's series, in the caller's transaction; 409 when none is left. */
    public static String take(Handle h, String officeCode) {
        S10SeriesDAO.Taken t = h.attach(S10SeriesDAO.class).take(officeCode).orElseThrow(() -> noneLeft(officeCode));
        return S10Number.of(t.prefix(), t.serial()).value();
    }

    public int alertBelow() {
        return alertBelow;
    }

    /** Every series with what is left of it, and each office's numbers left. */
    public S10SeriesView list() {
        return jdbi.withExtension(S10SeriesDAO.class, dao -> {
            List<S10SeriesDAO.Series> all = dao.all();
            Set<String> active = new HashSet<>();
            List<S10SeriesView.Series> series = all.stream()
                    .map(s -> view(s, s.nextSerial() <= s.serialTo() && active.add(String.valueOf(s.officeCode()))))
                    .toList();
            return new S10SeriesView(alertBelow, offices(dao.remaining()), series);
        });
    }

    /** The offices with fewer numbers left than the threshold (none: no series left at all counts too). */
    public List<S10SeriesView.Office> low() {
        return offices(jdbi.withExtension(S10SeriesDAO.class, S10SeriesDAO::remaining)).stream()
                .filter(S10SeriesView.Office::low)
                .toList();
    }

    private List<S10SeriesView.Office> offices(List<S10SeriesDAO.Remaining> remaining) {
        var ref = referenceData.get();
        return remaining.stream()
                .map(r -> new S10SeriesView.Office(
                        r.officeCode(), ref.officeName(r.officeCode()), r.remaining(), r.remaining() < alertBelow))
                .toList();
    }

    /** {@code all} lists an office's series oldest first, so its first one with numbers left is the active one. */
    private S10SeriesView.Series view(S10SeriesDAO.Series s, boolean firstWithNumbersLeft) {
        long remaining = Math.max(0, s.serialTo() - s.nextSerial() + 1);
        String state = remaining == 0 ? "USED_UP" : firstWithNumbersLeft ? "ACTIVE" : "WAITING";
        return new S10SeriesView.Series(
                s.id(),
                s.officeCode(),
                s.prefix(),
                s.serialFrom(),
                s.serialTo(),
                s.nextSerial(),
                remaining,
                state,
                S10Number.of(s.prefix(), s.serialFrom()).value(),
                S10Number.of(s.prefix(), s.serialTo()).value(),
                s.loadedAt().atZoneSameInstant(zone).toOffsetDateTime(),
                s.loadedBy());
    }

    /**
     * Loads a new series for an office: 422 naming the field for an unknown office, a prefix that is
     * not two letters, a range outside 0–99999999 or backwards, or one that overlaps a series of the
     * same prefix (any office's, or the numbers issued before series existed).
     */
    public S10SeriesView.Series load(User admin, S10SeriesRequest r) {
        if (admin.role() != Role.ADMIN) {
            throw Problem.forbidden("an administrator loads S10 series");
        }
        if (r == null) {
            throw Problem.invalid("body", "is required: officeCode, prefix, from, to");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String office =
                Text.blankToNull(r.officeCode()) == null ? null : r.officeCode().trim();
        if (office == null || referenceData.get().office(office).isEmpty()) {
            problems.add(new FieldProblem("officeCode", "must be the code of a post office (GET /api/offices)"));
        }
        String prefix = r.prefix() == null ? "" : r.prefix().trim();
        if (!prefix.matches("[A-Z]{2}")) {
            problems.add(
                    new FieldProblem("prefix", "must be 2 uppercase letters A-Z, the service indicator (e.g. EH)"));
        }
        checkSerial(problems, "from", r.from());
        checkSerial(problems, "to", r.to());
        if (problems.isEmpty() && r.from() > r.to()) {
            problems.add(new FieldProblem("to", "must not be below from (" + r.from() + ")"));
        }
        if (!problems.isEmpty()) {
            throw Problem.invalid(problems);
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withNano(0);
        long id = jdbi.inTransaction(h -> {
            S10SeriesDAO dao = h.attach(S10SeriesDAO.class);
            dao.lockForLoading();
            dao.overlapping(prefix, r.from(), r.to()).ifPresent(s -> {
                throw Problem.invalid(
                        "from",
                        "the range " + prefix + " " + r.from() + "–" + r.to() + " overlaps series " + s.id() + " ("
                                + s.prefix() + " " + s.serialFrom() + "–" + s.serialTo() + ", "
                                + (s.officeCode() == null ? "numbers issued before series" : "office " + s.officeCode())
                                + "): S10 numbers are never issued twice");
            });
            return dao.load(office, prefix, r.from(), r.to(), now, admin.username());
        });
        return list().series().stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    private static void checkSerial(List<FieldProblem> problems, String field, Long serial) {
        if (serial == null || serial < 0 || serial > S10Number.MAX_SERIAL) {
            problems.add(new FieldProblem(field, "is required: a serial from 0 to " + S10Number.MAX_SERIAL));
        }
    }
}
