package vn.dossierpost.service.handover;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import vn.dossierpost.api.agency.AgencyEventRequest;
import vn.dossierpost.api.agency.AgencySyncPage;
import vn.dossierpost.domain.User;
import vn.dossierpost.db.AgencyEventDAO;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.EventDAO;
import vn.dossierpost.domain.AgencyEventRules;
import vn.dossierpost.domain.AgencyEventType;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.ServiceForm;
import vn.dossierpost.service.Problem.FieldProblem;
import vn.dossierpost.service.returnleg.PickupService;
import vn.dossierpost.service.notify.Notifications;
import vn.dossierpost.service.dossier.DossierService;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.notify.NotificationKind;
import vn.dossierpost.service.JsonText;

/**
 * Applies an agency's event to a dossier, in one transaction: the rules in {@link AgencyEventRules}
 * decide (apply, stale, conflict), the dossier moves through the one transition path, the event is
 * on the timeline whatever the decision, and the answer is stored under (agency, event id) so that a
 * resent event changes nothing and gets the first answer again. A dossier the agency was never
 * handed (or another agency's) is 404, as if it did not exist.
 */
public final class AgencyEventService {

    /** The HTTP status and JSON body of the answer, as given the first time. */
    public record Answer(int status, String body) {}

    /** The one-stop portals' code for dossiers that came through the public postal service (DOMAIN.md). */
    private static final int POSTAL_INTAKE_CHANNEL = 3;

    private final Jdbi jdbi;
    private final DossierService dossiers;
    private final Notifications notifications;
    private final ObjectMapper json;
    private final Clock clock;

    public AgencyEventService(Jdbi jdbi, DossierService dossiers, Notifications notifications, ObjectMapper json, Clock clock) {
        this.jdbi = jdbi;
        this.dossiers = dossiers;
        this.notifications = notifications;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param source where the event came from: {@code HTTP}, or the inbox file and line
     * @throws Problem 422 when the event itself is malformed (nothing is stored then)
     */
    public Answer apply(User agency, AgencyEventRequest event, String source) {
        AgencyEventType type = validate(event);
        try {
            return jdbi.inTransaction(h -> applyIn(h, agency, event, type, source));
        } catch (UnableToExecuteStatementException e) {
            // the same event id sent twice at once: the other request stored it first; answer as it did
            return jdbi.withExtension(AgencyEventDAO.class, dao -> dao.answer(agency.agencyCode(), event.eventId()))
                    .map(a -> new Answer(a.answerStatus(), a.answer()))
                    .orElseThrow(() -> e);
        }
    }

    private Answer applyIn(Handle h, User agency, AgencyEventRequest event, AgencyEventType type, String source) {
        AgencyEventDAO events = h.attach(AgencyEventDAO.class);
        var earlier = events.answer(agency.agencyCode(), event.eventId());
        if (earlier.isPresent()) {
            return new Answer(earlier.get().answerStatus(), earlier.get().answer());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime at = event.at() != null ? event.at() : now;
        DossierDAO dossierDAO = h.attach(DossierDAO.class);
        // a RETURN_ONLY dossier is known to the agency by its own code, kept as the agency reference
        DossierRow d = dossierDAO.lockByCode(event.dossierCode())
                .or(() -> dossierDAO.lockReturnOnly(agency.agencyCode(), event.dossierCode())).orElse(null);
        if (d == null || !d.agencyCode().equals(agency.agencyCode())
                || !(events.handedTo(d.id(), agency.agencyCode()) || ServiceForm.RETURN_ONLY.name().equals(d.serviceForm()))) {
            Answer answer = new Answer(404, toJson(Map.of("code", 404, "message", "no dossier " + event.dossierCode()
                    + " has been handed to agency " + agency.agencyCode(), "field", "dossierCode")));
            events.insert(new AgencyEventDAO.Received(agency.agencyCode(), event.eventId(), null, event.dossierCode(), type.name(), at,
                    now, source, "NOT_FOUND", answer.status(), answer.body()));
            return answer;
        }
        DossierStatus current = DossierStatus.valueOf(d.status());
        AgencyEventRules.Decision decision = AgencyEventRules.decide(current, type, events.delayedBefore(d.id()));
        String payload = toJson(details(event));
        DossierStatus after = current;
        Answer answer;
        switch (decision.outcome()) {
            case APPLY -> {
                if (decision.to() != null) {
                    dossiers.transition(h, agency, d, decision.to(), note(event), payload);
                    PickupService.onAgencyAnswer(h, d, decision.to(), event.resultReference(), now);
                    after = decision.to();
                } else {
                    timeline(h, agency, d, type.name(), note(event), payload);
                }
                switch (type) {
                    case RECEIVED -> events.filedIfNot(d.id(), at);
                    case DELAYED -> events.rescheduled(d.id(), event.newAppointmentDate());
                    case RESULT_READY -> events.resultReference(d.id(), event.resultReference());
                    default -> { }
                }
                tellApplicant(h, d, type, event);
                answer = new Answer(200, toJson(body(event, "APPLIED", after, null)));
            }
            case STALE -> {
                timeline(h, agency, d, "AGENCY_" + type.name(), "not applied: " + decision.reason(), payload);
                answer = new Answer(200, toJson(body(event, "STALE", after, decision.reason())));
            }
            default -> {
                timeline(h, agency, d, "AGENCY_" + type.name(), "refused: " + decision.reason(), payload);
                Map<String, Object> conflict = new LinkedHashMap<>();
                conflict.put("code", 409);
                conflict.put("message", event.dossierCode() + ": " + decision.reason());
                conflict.put("details", Map.of("currentStatus", current.name(), "allowedNext",
                        current.allowedNext().stream().map(Enum::name).sorted().toList()));
                answer = new Answer(409, toJson(conflict));
            }
        }
        events.insert(new AgencyEventDAO.Received(agency.agencyCode(), event.eventId(), d.id(), d.code(), type.name(), at, now, source,
                decision.outcome() == AgencyEventRules.Outcome.APPLY ? "APPLIED" : decision.outcome().name(), answer.status(),
                answer.body()));
        return answer;
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
            default -> { }
        }
    }

    private static AgencyEventType validate(AgencyEventRequest e) {
        if (e == null) {
            throw Problem.invalid("body", "an event (JSON object) is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (e.eventId() == null || e.eventId().isBlank() || e.eventId().length() > 200) {
            problems.add(new FieldProblem("eventId", "is required: the agency's own id of the event (at most 200 characters)"));
        }
        if (e.dossierCode() == null || e.dossierCode().isBlank()) {
            problems.add(new FieldProblem("dossierCode", "is required"));
        }
        AgencyEventType type = null;
        try {
            type = e.type() == null ? null : AgencyEventType.valueOf(e.type());
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        if (type == null) {
            problems.add(new FieldProblem("type", "must be one of RECEIVED, IN_PROCESSING, SUPPLEMENT_REQUESTED, REFUSED, DELAYED, "
                    + "RESULT_READY"));
        } else {
            switch (type) {
                case SUPPLEMENT_REQUESTED, REFUSED -> {
                    if (e.reason() == null || e.reason().isBlank()) {
                        problems.add(new FieldProblem("reason", "is required for " + type + " (the applicant is told why)"));
                    }
                }
                case DELAYED -> {
                    if (e.newAppointmentDate() == null) {
                        problems.add(new FieldProblem("newAppointmentDate", "is required for DELAYED (YYYY-MM-DD)"));
                    }
                }
                case RESULT_READY -> {
                    if (e.resultReference() == null || e.resultReference().isBlank()) {
                        problems.add(new FieldProblem("resultReference", "is required for RESULT_READY (what the post collects)"));
                    }
                }
                default -> { }
            }
        }
        if (!problems.isEmpty()) {
            throw Problem.invalid(problems);
        }
        return type;
    }

    private static String note(AgencyEventRequest e) {
        return switch (AgencyEventType.valueOf(e.type())) {
            case SUPPLEMENT_REQUESTED, REFUSED -> e.reason();
            case DELAYED -> "new appointment date " + e.newAppointmentDate() + (e.reason() == null ? "" : ": " + e.reason());
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
        putIfSet(m, "newAppointmentDate", e.newAppointmentDate() == null ? null : e.newAppointmentDate().toString());
        putIfSet(m, "resultReference", e.resultReference());
        return m;
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static Map<String, Object> body(AgencyEventRequest e, String outcome, DossierStatus status, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", e.eventId());
        m.put("dossierCode", e.dossierCode());
        m.put("outcome", outcome);
        m.put("status", status.name());
        m.put("portalStatus", status.portalStatus());
        putIfSet(m, "reason", reason);
        return m;
    }

    private void timeline(Handle h, User agency, DossierRow d, String type, String note, String payload) {
        h.attach(EventDAO.class).append(new EventDAO.NewEvent(d.id(), type, null, null, OffsetDateTime.now(clock).withNano(0),
                agency.username(), null, agency.agencyCode(), note, payload));
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
        List<AgencyEventDAO.Synced> rows = jdbi.withExtension(AgencyEventDAO.class,
                dao -> dao.changedSince(agency.agencyCode(), from, afterId, limit));
        List<AgencySyncPage.Item> items = rows.stream().map(r -> {
            DossierStatus s = DossierStatus.valueOf(r.status());
            return new AgencySyncPage.Item(r.code(), r.s10Number(), r.procedureCode(), s.name(), s.labelVi(), s.portalStatus(),
                    POSTAL_INTAKE_CHANNEL, r.receivedAt(), r.filedAt(), r.agencyReceiptNumber(), r.resultDue(), r.resultReference(),
                    r.updatedAt());
        }).toList();
        AgencyEventDAO.Synced last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        return new AgencySyncPage(items, last == null ? new AgencySyncPage.Next(from, afterId)
                : new AgencySyncPage.Next(last.updatedAt(), last.id()));
    }
}
