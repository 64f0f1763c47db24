package vn.dossierpost.service.dossier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.dossierpost.api.TrackingView;
import vn.dossierpost.db.DossierTrackingDAO.TrackingRow;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.FailureAction;
import vn.dossierpost.domain.FailureReason;
import vn.dossierpost.domain.TimelineEvent;
import vn.dossierpost.service.catalogue.ReferenceData;

/**
 * The public answer built from a projection row: the row holds codes and the masked names; the
 * catalogue's current names, the labels and the UPU codes are put in here, in the service's time zone.
 */
final class TrackingViews {
    /** One element of the row's {@code steps} (migration 027): a status or a public event, its place, a failed delivery's codes. */
    private record StoredStep(
            String at, String status, String event, String office, String agency, String reason, String action) {}

    private static final TypeReference<List<StoredStep>> STEPS = new TypeReference<>() {};

    private final ObjectMapper json;
    private final ZoneId zone;

    TrackingViews(ObjectMapper json, ZoneId zone) {
        this.json = json;
        this.zone = zone;
    }

    TrackingView view(TrackingRow row, ReferenceData data) {
        List<TrackingView.Step> steps = stored(row.steps()).stream()
                .map(s -> step(s, data))
                .filter(Objects::nonNull)
                .toList();
        DossierStatus status = row.status();
        return new TrackingView(
                row.code(),
                row.s10Number(),
                row.returnS10Number(),
                row.applicant(),
                data.procedure(row.procedureCode()).map(p -> p.name()).orElse(null),
                data.agency(row.agencyCode()).map(a -> a.name()).orElse(null),
                status,
                status.labelVi(),
                status.labelEn(),
                row.resultDue(),
                steps,
                row.filer());
    }

    private List<StoredStep> stored(String steps) {
        try {
            return json.readValue(steps, STEPS);
        } catch (IOException e) {
            throw new UncheckedIOException("dossier_tracking.steps is not the list migration 027 writes", e);
        }
    }

    /** A step as the public reads it; null for an event this build does not know as public. */
    private TrackingView.Step step(StoredStep s, ReferenceData data) {
        String place = s.agency() != null
                ? data.agency(s.agency()).map(a -> a.name()).orElse(null)
                : s.office() == null
                        ? null
                        : data.office(s.office()).map(o -> o.name()).orElse(null);
        var at = Instant.parse(s.at()).atZone(zone).toOffsetDateTime();
        if (s.status() == null) {
            return publicEntry(s.event())
                    .map(t -> new TrackingView.Step(
                            at, t.name(), t.labelVi(), t.labelEn(), t.upuEventCode(), place, null, null))
                    .orElse(null);
        }
        DossierStatus status = DossierStatus.valueOf(s.status());
        Failure failure = status == DossierStatus.DELIVERY_FAILED ? failure(s.reason(), s.action()) : Failure.NONE;
        return new TrackingView.Step(
                at,
                status.name(),
                status.labelVi(),
                status.labelEn(),
                status.upuEventCode(),
                place,
                failure.reason(),
                failure.action());
    }

    private static Optional<TimelineEvent> publicEntry(String type) {
        for (TimelineEvent t : TimelineEvent.values()) {
            if (t.isPublic() && t.name().equals(type)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private record Failure(String reason, String action) {
        static final Failure NONE = new Failure(null, null);
    }

    /** The reason and action of a failed attempt as labels; neither when either code is unknown. */
    private static Failure failure(String reason, String action) {
        try {
            return new Failure(
                    reason == null ? null : FailureReason.valueOf(reason).labelVi(),
                    action == null ? null : FailureAction.valueOf(action).labelVi());
        } catch (IllegalArgumentException e) {
            return Failure.NONE;
        }
    }
}
