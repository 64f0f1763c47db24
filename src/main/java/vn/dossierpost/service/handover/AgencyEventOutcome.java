package vn.dossierpost.service.handover;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import vn.dossierpost.domain.DossierStatus;

/**
 * What became of one agency event (see {@link AgencyEventService}). The first outcome for an event id
 * is stored and given again for a resent event; the HTTP resource and the inbox file route each say it
 * in their own terms.
 */
public sealed interface AgencyEventOutcome {

    /** The name stored in {@code agency_event.outcome}. */
    String kind();

    /** Applied to the dossier, which is now {@code status}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Applied(String eventId, String dossierCode, DossierStatus status) implements AgencyEventOutcome {
        public String kind() {
            return "APPLIED";
        }
    }

    /** Kept on the timeline, changed nothing: the dossier is at or past what the event reports. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stale(String eventId, String dossierCode, DossierStatus status, String reason)
            implements AgencyEventOutcome {
        public String kind() {
            return "STALE";
        }
    }

    /** Kept on the timeline, refused: it contradicts the dossier or comes before its time. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Conflict(
            String eventId, String dossierCode, String message, DossierStatus currentStatus, List<String> allowedNext)
            implements AgencyEventOutcome {
        public String kind() {
            return "CONFLICT";
        }
    }

    /** No dossier of that code has been handed to this agency (or it is another agency's). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record NotFound(String eventId, String dossierCode, String message) implements AgencyEventOutcome {
        public String kind() {
            return "NOT_FOUND";
        }
    }

    /** The stored outcome of that kind, read back from its JSON. */
    static Class<? extends AgencyEventOutcome> typeOf(String kind) {
        return switch (kind) {
            case "APPLIED" -> Applied.class;
            case "STALE" -> Stale.class;
            case "CONFLICT" -> Conflict.class;
            case "NOT_FOUND" -> NotFound.class;
            default -> throw new IllegalStateException("unknown stored outcome " + kind);
        };
    }
}
