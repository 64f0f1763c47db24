package vn.dossierpost.service.returnleg;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.OutboxDAO;
import vn.dossierpost.service.JsonText;

/**
 * Telling the agency what became of its result (TT 17/2017 Art. 12: the agency is told when the
 * result was delivered), written to the outbox in the transaction of the delivery or the return and
 * sent through the agency's channel by routes/agency-notices.yaml. The body is fixed here, so every
 * resend is the same; its {@code eventId} lets the agency drop duplicates.
 */
public final class AgencyNotices {

    public enum Type {
        RESULT_DELIVERED,
        RESULT_RETURNED
    }

    private final ObjectMapper json;
    private final Clock clock;

    public AgencyNotices(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** @param details what the agency may want beyond the dossier: recipient relation, reason of a return */
    public void enqueue(Handle h, DossierRow d, String returnS10, Type type, Map<String, Object> details) {
        OffsetDateTime now = OffsetDateTime.now(clock).withNano(0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", d.code() + "/" + type.name());
        body.put("type", type.name());
        body.put("dossierCode", d.code());
        if (d.agencyReference() != null) {
            body.put("agencyReference", d.agencyReference());
        }
        body.put("returnS10Number", returnS10);
        body.put("at", now.toString());
        body.putAll(details);
        h.attach(OutboxDAO.class).enqueueNotice(d.id(), d.agencyCode(), JsonText.of(json, body), now);
    }
}
