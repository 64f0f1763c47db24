package vn.dossierpost.service.counter;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.db.DossierFileDAO;
import vn.dossierpost.db.DossierFileDAO.FileRow;
import vn.dossierpost.domain.Actor;
import vn.dossierpost.domain.TimelineEvent;
import vn.dossierpost.service.JsonText;
import vn.dossierpost.service.dossier.StatusChanges;
import vn.dossierpost.storage.Fixity;

/**
 * Writes down that a stored blob is damaged or gone: every file row that uses it is marked, and each
 * one's dossier gets a FIXITY_FAILED event on its timeline, once (when first found, whether by a
 * download or by the fixity command), so a daily check does not repeat the same news every day.
 * When intact bytes come back (the same scan uploaded again), the marks are cleared with a
 * FIXITY_REPAIRED event.
 */
public final class FixityRecorder {
    private final Jdbi jdbi;
    private final ObjectMapper json;
    private final StatusChanges changes;

    public FixityRecorder(Jdbi jdbi, ObjectMapper json, Clock clock) {
        this.jdbi = jdbi;
        this.json = json;
        this.changes = new StatusChanges(clock);
    }

    /** Marks the blob's files and appends the events; returns the files marked now (empty if already known). */
    public List<FileRow> recordFailure(Fixity fixity, String actor, String note) {
        return jdbi.inTransaction(h -> {
            OffsetDateTime now = changes.now();
            List<FileRow> marked = h.attach(DossierFileDAO.class).markFixityFailed(fixity.sha256(), now);
            for (FileRow f : marked) {
                Map<String, Object> payload = payload(f);
                payload.put("problem", fixity.status().name());
                if (fixity.actualSha256() != null) {
                    payload.put("actualSha256", fixity.actualSha256());
                    payload.put("actualSize", fixity.actualSize());
                }
                append(h, f, TimelineEvent.FIXITY_FAILED, actor, note, payload);
            }
            return marked;
        });
    }

    /** Within the caller's transaction: intact bytes are stored again for this hash. */
    void recordRepair(Handle h, String sha256, String actor) {
        for (FileRow f : h.attach(DossierFileDAO.class).clearFixityFailed(sha256)) {
            append(
                    h,
                    f,
                    TimelineEvent.FIXITY_REPAIRED,
                    actor,
                    "the same content was uploaded again and replaced the damaged copy",
                    payload(f));
        }
    }

    private void append(
            Handle h, FileRow f, TimelineEvent type, String actor, String note, Map<String, Object> payload) {
        changes.record(h, Actor.system(actor), f.dossierId(), type, note, JsonText.of(json, payload));
    }

    private static Map<String, Object> payload(FileRow f) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("fileId", f.id());
        payload.put("componentCode", f.componentCode());
        payload.put("originalName", f.originalName());
        payload.put("sha256", f.sha256());
        return payload;
    }
}
