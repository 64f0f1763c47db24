package vn.dossierpost.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.TrackingView;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.EventDAO;
import vn.dossierpost.domain.DossierCode;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.FailureAction;
import vn.dossierpost.domain.FailureReason;
import vn.dossierpost.domain.NameMasker;
import vn.dossierpost.domain.S10Number;
import vn.dossierpost.domain.TimelineEvent;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.service.catalogue.ReferenceDataCache;

/**
 * Public tracking as it was built before the projection (migration 027): from the dossier row and
 * its whole timeline, on every request. Kept as the reference the projection is checked against
 * ({@link ProjectionParity}).
 */
public final class TimelineTracking {
    private final Jdbi jdbi;
    private final ObjectMapper json;
    private final ReferenceDataCache referenceData;
    private final ZoneId zone;

    public TimelineTracking(Jdbi jdbi, ReferenceDataCache referenceData, ObjectMapper json, ZoneId zone) {
        this.jdbi = jdbi;
        this.json = json;
        this.referenceData = referenceData;
        this.zone = zone;
    }

    public TrackingView track(String reference) {
        String ref = reference == null ? "" : reference.trim();
        return jdbi.withHandle(h -> {
            DossierDAO dossiers = h.attach(DossierDAO.class);
            Optional<DossierRow> found = Optional.empty();
            if (S10Number.isValid(ref)) {
                found = dossiers.findByS10(ref.toUpperCase());
            } else if (DossierCode.looksLike(ref)) {
                found = dossiers.findByCode(ref);
            }
            DossierRow row = found.orElseThrow(() -> Problem.notFound("no dossier or item with reference " + ref));
            ReferenceData data = referenceData.get();
            DossierStatus status = row.status();
            var steps = h.attach(EventDAO.class).timeline(row.id()).stream()
                    .filter(e -> e.toStatus() != null || publicEntry(e.type()).isPresent())
                    .map(e -> {
                        String place = e.agencyCode() != null
                                ? data.agency(e.agencyCode()).map(a -> a.name()).orElse(null)
                                : e.officeCode() == null
                                        ? null
                                        : data.office(e.officeCode())
                                                .map(o -> o.name())
                                                .orElse(null);
                        OffsetDateTime at = e.at().atZoneSameInstant(zone).toOffsetDateTime();
                        if (e.toStatus() == null) {
                            TimelineEvent t = publicEntry(e.type()).orElseThrow();
                            return new TrackingView.Step(
                                    at, t.name(), t.labelVi(), t.labelEn(), t.upuEventCode(), place, null, null);
                        }
                        DossierStatus s = e.toStatus();
                        Failure failure = s == DossierStatus.DELIVERY_FAILED ? failure(e.payload()) : Failure.NONE;
                        return new TrackingView.Step(
                                at,
                                s.name(),
                                s.labelVi(),
                                s.labelEn(),
                                s.upuEventCode(),
                                place,
                                failure.reason(),
                                failure.action());
                    })
                    .toList();
            return new TrackingView(
                    row.code(),
                    row.s10Number(),
                    row.returnS10Number(),
                    NameMasker.mask(row.applicantName()),
                    data.procedure(row.procedureCode()).map(p -> p.name()).orElse(null),
                    data.agency(row.agencyCode()).map(a -> a.name()).orElse(null),
                    status,
                    status.labelVi(),
                    status.labelEn(),
                    row.resultDue(),
                    steps,
                    row.filer() == null ? null : NameMasker.mask(row.filer().name()));
        });
    }

    /** A timeline entry that is not a status change but is shown to the public (the result sent on to, or arrived at, the delivery office). */
    private static Optional<TimelineEvent> publicEntry(String type) {
        return Arrays.stream(TimelineEvent.values())
                .filter(t -> t.isPublic() && t.name().equals(type))
                .findFirst();
    }

    private record Failure(String reason, String action) {
        static final Failure NONE = new Failure(null, null);
    }

    /** The reason and action of a failed attempt, from the event's payload, as labels (never the courier's note). */
    private Failure failure(String payload) {
        try {
            JsonNode p = payload == null ? null : json.readTree(payload);
            if (p == null) {
                return Failure.NONE;
            }
            return new Failure(
                    p.hasNonNull("reason")
                            ? FailureReason.valueOf(p.get("reason").asText()).labelVi()
                            : null,
                    p.hasNonNull("action")
                            ? FailureAction.valueOf(p.get("action").asText()).labelVi()
                            : null);
        } catch (IOException | IllegalArgumentException e) {
            return Failure.NONE;
        }
    }
}
