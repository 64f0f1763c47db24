package vn.dossierpost.service.counter;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.DossierView;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.OutboxDAO;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.TimelineEvent;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Text;
import vn.dossierpost.service.dossier.DossierService;

/** The documents an agency asked for (SUPPLEMENT_REQUESTED), taken at the counter and sent back to it. */
public final class Supplements {
    private final Jdbi jdbi;
    private final DossierService dossiers;
    private final Clock clock;

    public Supplements(Jdbi jdbi, DossierService dossiers, Clock clock) {
        this.jdbi = jdbi;
        this.dossiers = dossiers;
        this.clock = clock;
    }

    /**
     * The supplement is complete (its documents uploaded at the counter): on the timeline, and the
     * dossier queued to go back to the agency in a new handover (so under a new idempotency key).
     * Its way to the agency counts from today (the hand-over date is re-based); the agency's clock
     * restarts when that handover is acknowledged.
     */
    public DossierView completeSupplement(User clerk, String code, String note) {
        jdbi.useTransaction(h -> {
            DossierRow row = h.attach(DossierDAO.class)
                    .lockByCode(code)
                    .orElseThrow(() -> Problem.notFound("no dossier with code " + code));
            if (clerk.role() != Role.COUNTER || clerk.officeCode() == null) {
                throw Problem.forbidden("only a counter clerk of the dossier's post office takes a supplement");
            }
            DossierService.checkCanRead(clerk, row);
            if (row.status() != DossierStatus.SUPPLEMENT_REQUESTED) {
                throw Problem.conflict(
                        "dossier " + code + " is " + row.status()
                                + "; a supplement is taken only when the agency asked "
                                + "for one (SUPPLEMENT_REQUESTED)",
                        Map.of("currentStatus", row.status()));
            }
            int added = h.createQuery(
                            "SELECT count(*) FROM dossier_event WHERE dossier_id = :id AND type = :added AND id > "
                                    + "(SELECT max(id) FROM dossier_event WHERE dossier_id = :id AND type = 'SUPPLEMENT_REQUESTED')")
                    .bind("id", row.id())
                    .bind("added", TimelineEvent.FILE_ADDED)
                    .mapTo(Integer.class)
                    .one();
            if (added == 0) {
                throw Problem.invalid(
                        "files",
                        "no document was scanned since the agency asked for the supplement: upload them first "
                                + "with PUT /api/dossiers/" + code + "/components/{componentCode}/files");
            }
            OffsetDateTime now = OffsetDateTime.now(clock).withNano(0);
            dossiers.changes()
                    .record(
                            h,
                            clerk.actor(),
                            row.id(),
                            TimelineEvent.SUPPLEMENT_RECEIVED,
                            Text.blank(note) ? added + " files" : note.strip(),
                            null);
            dossiers.dueDates().supplementReceived(h, row, now);
            h.attach(OutboxDAO.class).enqueueHandoverOnce(row.id(), row.agencyCode(), now);
        });
        return dossiers.view(clerk, code);
    }
}
