package vn.dossierpost.service.handover;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import vn.dossierpost.api.agency.AgencyEventRequest;
import vn.dossierpost.api.agency.AgencySyncPage;
import vn.dossierpost.db.AgencyEventDAO;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.domain.AgencyEventRules;
import vn.dossierpost.domain.AgencyEventType;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.LateNotice;
import vn.dossierpost.domain.ServiceForm;
import vn.dossierpost.domain.TimelineEvent;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.JsonText;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Shapes;
import vn.dossierpost.service.dossier.DossierService;
import vn.dossierpost.service.dossier.StatusChanges;
import vn.dossierpost.service.notify.NotificationKind;
import vn.dossierpost.service.notify.Notifications;
import vn.dossierpost.service.returnleg.PickupService;

/**
 * Applies an agency's event to a dossier, in one transaction: the rules in {@link AgencyEventRules}
 * decide (apply, stale, conflict), the dossier moves through the one transition path, the event is
 * on the timeline whatever the decision, and the answer is stored under (agency, event id) so that a
 * resent event changes nothing and gets the first answer again. A dossier the agency was never
 * handed (or another agency's) is 404, as if it did not exist.
 */
public final class AgencyEventService {

    /** The one-stop portals' code for dossiers that came through the public postal service (DOMAIN.md). */
    private static final int POSTAL_INTAKE_CHANNEL = 3;

    private final Jdbi jdbi;
    private final DossierService dossiers;
    private final Notifications notifications;
    private final ObjectMapper json;

    public AgencyEventService(Jdbi jdbi, DossierService dossiers, Notifications notifications, ObjectMapper json) {
        this.jdbi = jdbi;
        this.dossiers = dossiers;
        this.notifications = notifications;
        this.json = json;
    }

    /**
     * @param source where the event came from: {@code HTTP}, or the inbox file and line
     * @throws Problem 422 when the event itself is malformed (nothing is stored then); its shape is
     *                 checked here too, since the lines of an inbox file do not come through Jersey
     */
    public AgencyEventOutcome apply(User agency, AgencyEventRequest event, String source) {
        AgencyEventType type = AgencyEventType.valueOf(
                Shapes.check(event, "an event (JSON object) is required").type());
        refuseImplausible(event, null);
        try {
            return jdbi.inTransaction(h -> applyIn(h, agency, event, type, source));
        } catch (UnableToExecuteStatementException e) {
            // the same event id sent twice at once: the other request stored it first; answer as it did
            return jdbi.withExtension(AgencyEventDAO.class, dao -> dao.answer(agency.agencyCode(), event.eventId()))
                    .map(this::stored)
                    .orElseThrow(() -> e);
        }
    }

    /** @param receivedAt when the dossier was received, or null before it is looked up */
    private void refuseImplausible(AgencyEventRequest event, OffsetDateTime receivedAt) {
        OffsetDateTime now = dossiers.changes().now();
        java.time.LocalDate receivedOn = receivedAt == null
                ? null
                : receivedAt.atZoneSameInstant(now.getOffset()).toLocalDate();
        AgencyEventRules.implausible(event.at(), event.newAppointmentDate(), now, receivedOn)
                .ifPresent(p -> {
                    throw Problem.invalid(p.field(), p.message());
                });
    }

    private AgencyEventOutcome applyIn(
            Handle h, User agency, AgencyEventRequest event, AgencyEventType type, String source) {
        AgencyEventDAO events = h.attach(AgencyEventDAO.class);
        var earlier = events.answer(agency.agencyCode(), event.eventId());
        if (earlier.isPresent()) {
            return stored(earlier.get());
        }
        StatusChanges changes = dossiers.changes();
        OffsetDateTime now = changes.now();
        OffsetDateTime at = event.at() != null ? event.at() : now;
        DossierDAO dossierDAO = h.attach(DossierDAO.class);
        // a RETURN_ONLY dossier is known to the agency by its own code, kept as the agency reference
        DossierRow d = dossierDAO
                .lockByCode(event.dossierCode())
                .or(() -> dossierDAO.lockReturnOnly(agency.agencyCode(), event.dossierCode()))
                .orElse(null);
        if (d == null
                || !d.agencyCode().equals(agency.agencyCode())
                || !(events.handedTo(d.id(), agency.agencyCode()) || d.serviceForm() == ServiceForm.RETURN_ONLY)) {
            AgencyEventOutcome notFound = new AgencyEventOutcome.NotFound(
                    event.eventId(),
                    event.dossierCode(),
                    "no dossier " + event.dossierCode() + " has been handed to agency " + agency.agencyCode());
            store(events, agency, event, null, type, at, now, source, notFound, null);
            return notFound;
        }
        refuseImplausible(event, d.receivedAt());
        DossierStatus current = d.status();
        AgencyEventRules.Decision decision = AgencyEventRules.decide(current, type, events.delayedBefore(d.id()));
        String payload = toJson(details(event));
        LateNotice late =
                decision.outcome() == AgencyEventRules.Outcome.APPLY ? checkTimes(h, d, event, type, at) : null;
        AgencyEventOutcome outcome = switch (decision.outcome()) {
            case APPLY -> apply(h, agency, d, event, type, decision, at, payload, late);
            case STALE -> {
                changes.record(
                        h,
                        agency.actor(),
                        d.id(),
                        TimelineEvent.notApplied(type),
                        "not applied: " + decision.reason(),
                        payload);
                yield new AgencyEventOutcome.Stale(event.eventId(), event.dossierCode(), current, decision.reason());
            }
            case CONFLICT -> {
                changes.record(
                        h,
                        agency.actor(),
                        d.id(),
                        TimelineEvent.notApplied(type),
                        "refused: " + decision.reason(),
                        payload);
                yield new AgencyEventOutcome.Conflict(
                        event.eventId(),
                        event.dossierCode(),
                        event.dossierCode() + ": " + decision.reason(),
                        current,
                        current.allowedNext().stream().map(Enum::name).sorted().toList());
            }
        };
        store(events, agency, event, d, type, at, now, source, outcome, late);
        return outcome;
    }

    /**
     * The dates of an event about to be applied, against the dossier: a new appointment must be
     * later than the current one (else 422, nothing stored); a notice sent later than the law
     * allows is applied all the same and flagged (returned; null when in time).
     */
    private LateNotice checkTimes(
            Handle h, DossierRow d, AgencyEventRequest event, AgencyEventType type, OffsetDateTime at) {
        if (type == AgencyEventType.DELAYED) {
            AgencyEventRules.notLater(event.newAppointmentDate(), d.resultDue()).ifPresent(p -> {
                throw Problem.invalid(p.field(), p.message());
            });
        }
        return dossiers.dueDates().lateNotice(h, d, type, at).orElse(null);
    }

    private AgencyEventOutcome apply(
            Handle h,
            User agency,
            DossierRow d,
            AgencyEventRequest event,
            AgencyEventType type,
            AgencyEventRules.Decision decision,
            OffsetDateTime at,
            String payload,
            LateNotice late) {
        StatusChanges changes = dossiers.changes();
        if (decision.to() != null) {
            changes.move(h, agency.actor(), d, decision.to(), note(event), payload);
            PickupService.onAgencyAnswer(h, d, decision.to(), event.resultReference(), changes.now());
        } else {
            changes.record(h, agency.actor(), d.id(), TimelineEvent.DELAYED, note(event), payload);
        }
        if (late != null) {
            changes.record(h, agency.actor(), d.id(), TimelineEvent.of(late), lateNote(late, d, at), null);
        }
        switch (type) {
            case RECEIVED -> changes.filedIfNot(h, d.id(), at);
            case DELAYED -> dossiers.dueDates().delayed(h, d, event.newAppointmentDate());
            case RESULT_READY -> changes.resultReference(h, d.id(), event.resultReference());
            default -> {}
        }
        tellApplicant(h, d, type, event);
        return new AgencyEventOutcome.Applied(
                event.eventId(), event.dossierCode(), decision.to() != null ? decision.to() : d.status());
    }

    /** What staff read beside a late notice: the day it was sent and, for a delay, the appointment it moved. */
    private String lateNote(LateNotice late, DossierRow d, OffsetDateTime at) {
        return "sent "
                + at.atZoneSameInstant(dossiers.changes().now().getOffset()).toLocalDate()
                + (late == LateNotice.LATE_DELAY_NOTICE ? " for the appointment of " + d.resultDue() : "");
    }

    private void store(
            AgencyEventDAO events,
            User agency,
            AgencyEventRequest event,
            DossierRow d,
            AgencyEventType type,
            OffsetDateTime at,
            OffsetDateTime now,
            String source,
            AgencyEventOutcome outcome,
            LateNotice late) {
        events.insert(new AgencyEventDAO.Received(
                agency.agencyCode(),
                event.eventId(),
                d == null ? null : d.id(),
                d == null ? event.dossierCode() : d.code(),
                type.name(),
                at,
                now,
                source,
                outcome.kind(),
                answerStatus(outcome),
                toJson(outcome),
                late == null ? null : late.name()));
    }

    /** {@code agency_event.answer_status} keeps the status of the answer over HTTP, for whoever reads the table. */
    private static int answerStatus(AgencyEventOutcome outcome) {
        return outcome instanceof AgencyEventOutcome.Conflict
                ? 409
                : outcome instanceof AgencyEventOutcome.NotFound ? 404 : 200;
    }

    private AgencyEventOutcome stored(AgencyEventDAO.Answer answer) {
        return JsonText.read(json, answer.answer(), AgencyEventOutcome.typeOf(answer.outcome()));
    }

    /** The applicant is told of a supplement request, a refusal, a delay and a result ready (in this transaction). */
    private void tellApplicant(Handle h, DossierRow d, AgencyEventType type, AgencyEventRequest e) {
        Map<String, Object> facts = new LinkedHashMap<>();
        putIfSet(facts, "reason", e.reason());
        putIfSet(facts, "missingItems", e.missingItems());
        putIfSet(facts, "newAppointmentDate", e.newAppointmentDate());
        putIfSet(facts, "resultReference", e.resultReference());
        switch (type) {
            case SUPPLEMENT_REQUESTED -> notifications.enqueue(h, d, NotificationKind.SUPPLEMENT_REQUESTED, facts);
            case REFUSED -> notifications.enqueue(h, d, NotificationKind.REFUSED, facts);
            case DELAYED -> notifications.enqueue(h, d, NotificationKind.DELAYED, facts);
            case RESULT_READY -> notifications.enqueue(h, d, NotificationKind.RESULT_READY, facts);
            default -> {}
        }
    }

    private static String note(AgencyEventRequest e) {
        return switch (AgencyEventType.valueOf(e.type())) {
            case SUPPLEMENT_REQUESTED, REFUSED -> e.reason();
            case DELAYED ->
                "new appointment date " + e.newAppointmentDate() + (e.reason() == null ? "" : ": " + e.reason());
            case RESULT_READY -> "result " + e.resultReference();
            default -> "agency event " + e.eventId();
        };
    }

    private static Map<String, Object> details(AgencyEventRequest e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", e.eventId());
        m.put("type", e.type());
        putIfSet(m, "at", e.at() == null ? null : e.at().toString());
        putIfSet(m, "reason", e.reason());
        putIfSet(m, "missingItems", e.missingItems());
        putIfSet(
                m,
                "newAppointmentDate",
                e.newAppointmentDate() == null ? null : e.newAppointmentDate().toString());
        putIfSet(m, "resultReference", e.resultReference());
        return m;
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private String toJson(Object value) {
        return JsonText.of(json, value);
    }

    /** The agency's dossiers changed after {@code since} (and, at that same moment, after {@code afterId}). */
    public AgencySyncPage changedSince(User agency, OffsetDateTime since, long afterId, int limit) {
        if (limit < 1 || limit > 1000) {
            throw Problem.invalid("limit", "must be between 1 and 1000");
        }
        OffsetDateTime from = since != null ? since : OffsetDateTime.parse("1970-01-01T00:00:00Z");
        List<AgencyEventDAO.Synced> rows = jdbi.withExtension(
                AgencyEventDAO.class, dao -> dao.changedSince(agency.agencyCode(), from, afterId, limit));
        List<AgencySyncPage.Item> items = rows.stream()
                .map(r -> {
                    DossierStatus s = r.status();
                    return new AgencySyncPage.Item(
                            r.code(),
                            r.s10Number(),
                            r.procedureCode(),
                            s.name(),
                            s.labelVi(),
                            s.portalStatus(),
                            POSTAL_INTAKE_CHANNEL,
                            r.receivedAt(),
                            r.filedAt(),
                            r.agencyReceiptNumber(),
                            r.resultDue(),
                            r.resultReference(),
                            r.updatedAt());
                })
                .toList();
        AgencyEventDAO.Synced last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        return new AgencySyncPage(
                items,
                last == null
                        ? new AgencySyncPage.Next(from, afterId)
                        : new AgencySyncPage.Next(last.updatedAt(), last.id()));
    }
}
