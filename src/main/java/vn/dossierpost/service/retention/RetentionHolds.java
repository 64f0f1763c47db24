package vn.dossierpost.service.retention;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.RetentionHoldView;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.RetentionDAO;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;

/**
 * An administrator's legal hold: a dossier kept past the retention period for a reason the system
 * cannot see (an inquiry, a court case). Placing it again replaces the reason; lifting it lets the
 * next purge take the dossier if it is due.
 */
public final class RetentionHolds {
    private final Jdbi jdbi;
    private final Clock clock;

    public RetentionHolds(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public RetentionHoldView hold(User admin, String code, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw Problem.invalid("reason", "is required: why the dossier is kept past its retention period");
        }
        OffsetDateTime at = OffsetDateTime.now(clock).withNano(0);
        jdbi.useTransaction(
                h -> h.attach(RetentionDAO.class).hold(dossier(h, code).id(), why, admin.username(), at));
        return new RetentionHoldView(code, why, admin.username(), at);
    }

    /** Lifts the hold; 404 when the dossier has none. */
    public void release(String code) {
        int lifted = jdbi.inTransaction(
                h -> h.attach(RetentionDAO.class).release(dossier(h, code).id()));
        if (lifted == 0) {
            throw Problem.notFound("dossier " + code + " has no retention hold");
        }
    }

    private static DossierRow dossier(Handle h, String code) {
        return h.attach(DossierDAO.class)
                .findByCode(code)
                .orElseThrow(() -> Problem.notFound("no dossier with code " + code));
    }
}
