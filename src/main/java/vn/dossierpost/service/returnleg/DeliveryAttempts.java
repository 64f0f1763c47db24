package vn.dossierpost.service.returnleg;

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.AttemptAnswer;
import vn.dossierpost.api.AttemptRequest;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.db.DeliveryDAO;
import vn.dossierpost.db.DeliveryDAO.Delivery;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.domain.DeliveryRules;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.FailureAction;
import vn.dossierpost.domain.FailureReason;
import vn.dossierpost.domain.IdentityDocument;
import vn.dossierpost.domain.InvalidValueException;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.JsonText;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Text;
import vn.dossierpost.service.dossier.DossierService;
import vn.dossierpost.service.notify.NotificationKind;
import vn.dossierpost.storage.StagedBlob;

/**
 * The updates of a return item from the courier's phone (out for delivery, delivered with the
 * identity check and a proof image, failed with a reason and what happens next) and the hand-over
 * of a held item at the counter. Each is one transaction holding the dossier's row lock, so two
 * devices updating one item are served one after the other: the first wins, the second meets the
 * new status (409). A resent update ({@code clientAttemptId}) gets its first answer again.
 */
public final class DeliveryAttempts {
    private final Jdbi jdbi;
    private final DeliveryService deliveries;
    private final DossierService dossiers;
    private final AgencyNotices agencyNotices;
    private final ProofImages proofImages;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;

    public DeliveryAttempts(
            Jdbi jdbi,
            DeliveryService deliveries,
            DossierService dossiers,
            AgencyNotices agencyNotices,
            ProofImages proofImages,
            ObjectMapper json,
            Clock clock,
            ZoneId zone) {
        this.jdbi = jdbi;
        this.deliveries = deliveries;
        this.dossiers = dossiers;
        this.agencyNotices = agencyNotices;
        this.proofImages = proofImages;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * One update from a courier's phone, or the hand-over at the counter of an item held there.
     * The same {@code clientAttemptId} again returns the first answer and changes nothing.
     */
    public AttemptAnswer attempt(User user, String s10, AttemptRequest r) {
        checkNotFuture(r);
        String outcome = r.outcome();
        StagedBlob proof = outcome.equals("DELIVERED") ? proofImages.stage(r.proof()) : null;
        try {
            return jdbi.inTransaction(h -> {
                DeliveryService.Locked l = deliveries.lock(h, s10);
                DeliveryDAO deliveries = h.attach(DeliveryDAO.class);
                // a resend is answered as the first time, even if the item has since moved to another courier
                var earlier = deliveries.recorded(
                        l.dossier().id(), r.clientAttemptId().trim());
                if (earlier.isPresent()) {
                    return resent(user, r, earlier.get());
                }
                checkAttemptBy(user, l.delivery());
                // an item finished meanwhile (another phone delivered it first) is refused by its
                // state (409), which is the reason, rather than by the late phone's older time
                if (l.delivery().finishedAt() == null) {
                    checkTime(deliveries, l, r);
                }
                return switch (outcome) {
                    case "OUT_FOR_DELIVERY" -> outForDelivery(h, user, l, r);
                    case "DELIVERED" -> delivered(h, user, l, r, proof);
                    default -> failed(h, user, l, r);
                };
            });
        } finally {
            proofImages.discard(proof);
        }
    }

    /** The first answer to a resent update; an id reused for another update is refused rather than silently ignored. */
    private AttemptAnswer resent(User user, AttemptRequest r, DeliveryDAO.Recorded earlier) {
        if (!earlier.actor().equals(user.username()) || !earlier.outcome().equals(r.outcome())) {
            throw Problem.invalid(
                    "clientAttemptId",
                    "'" + r.clientAttemptId().trim() + "' was already used for a " + earlier.outcome() + " update by "
                            + earlier.actor() + "; a new update needs a new id");
        }
        return JsonText.read(json, earlier.answer(), AttemptAnswer.class);
    }

    /**
     * A phone out of coverage sends its updates later with the time they happened ({@code at}); that
     * time cannot be before the item reached the office or before its latest recorded update, since
     * it decides the day's cash and the date the next attempt counts from.
     */
    private void checkTime(DeliveryDAO deliveries, DeliveryService.Locked l, AttemptRequest r) {
        if (r.at() == null) {
            return;
        }
        OffsetDateTime last = deliveries.lastAttemptAt(l.dossier().id()).orElse(null);
        OffsetDateTime arrived = l.delivery().arrivedAt();
        boolean afterLastUpdate = last != null && (arrived == null || last.isAfter(arrived));
        OffsetDateTime earliest = afterLastUpdate ? last : arrived;
        if (earliest != null && r.at().isBefore(earliest)) {
            throw Problem.invalid(
                    "at",
                    "is before " + earliest.atZoneSameInstant(zone).toOffsetDateTime() + ", when the item "
                            + (afterLastUpdate ? "had its latest update" : "arrived at the delivering office")
                            + "; send the time the update happened (ISO-8601 with offset), or leave it out");
        }
    }

    /** When an update happened: its {@code at} (a phone sending late), or now. */
    private OffsetDateTime happenedAt(AttemptRequest r) {
        return r.at() != null
                ? r.at().atZoneSameInstant(zone).toOffsetDateTime().withNano(0)
                : deliveries.now();
    }

    private LocalDate dayOf(AttemptRequest r) {
        return happenedAt(r).toLocalDate();
    }

    private void checkAttemptBy(User user, Delivery delivery) {
        if (user.role() == Role.COURIER) {
            if (!user.username().equals(delivery.courier())) {
                throw Problem.forbidden("item " + delivery.s10Number() + " is not one of your deliveries");
            }
            return;
        }
        DeliveryService.checkOffice(user, delivery);
    }

    private AttemptAnswer outForDelivery(Handle h, User user, DeliveryService.Locked l, AttemptRequest r) {
        if (user.role() != Role.COURIER) {
            throw Problem.forbidden("only the item's courier takes it out for delivery");
        }
        LocalDate from = l.delivery().nextAttemptFrom();
        if (l.dossier().status() == DossierStatus.DELIVERY_FAILED && from != null && dayOf(r).isBefore(from)) {
            throw Problem.conflict(
                    "the next attempt may be made from " + from + ", two working days after the failed one "
                            + "(QĐ 45/2016 Art. 10)",
                    Map.of("currentStatus", l.dossier().status(), "nextAttemptFrom", from.toString()));
        }
        if (l.delivery().arrivedAt() == null) {
            throw Problem.conflict(
                    "item " + l.delivery().s10Number() + " has not arrived at its delivering office yet",
                    Map.of("currentStatus", l.dossier().status()));
        }
        dossiers.changes().move(h, user.actor(), l.dossier(), DossierStatus.OUT_FOR_DELIVERY, null, position(r));
        deliveries.tellApplicant(h, l.dossier(), l.delivery(), NotificationKind.OUT_FOR_DELIVERY, Map.of());
        return record(h, user, l, r, DossierStatus.OUT_FOR_DELIVERY, null, 0, null, null);
    }

    private AttemptAnswer delivered(Handle h, User user, DeliveryService.Locked l, AttemptRequest r, StagedBlob proof) {
        boolean atCounter = user.role() != Role.COURIER;
        List<FieldProblem> problems = new ArrayList<>();
        boolean proxy = "PROXY".equals(r.relation());
        if (Text.blank(r.recipientName()))
            problems.add(new FieldProblem("recipientName", "is required: the name of who received it"));
        if (!"SELF".equals(r.relation()) && !proxy) problems.add(new FieldProblem("relation", "must be SELF or PROXY"));
        if (!oneOf(r.idDocumentType(), IdentityDocument.class)) {
            problems.add(new FieldProblem("idDocumentType", "must be one of CCCD, PASSPORT, CMND"));
        }
        DeliveryRules.FieldError id = DeliveryRules.identityProblem(
                proxy,
                r.idDocumentType(),
                r.idNumber(),
                l.dossier().applicantIdType(),
                l.dossier().applicantCitizenId(),
                r.proxyAuthorisation());
        if (id != null && problems.stream().noneMatch(p -> p.field().equals(id.field())))
            problems.add(new FieldProblem(id.field(), id.message()));
        if (proof == null && !atCounter) {
            problems.add(new FieldProblem(
                    "proof",
                    "is required: the recipient's signature or a photo (mediaType image/png or "
                            + "image/jpeg, base64)"));
        }
        if (!problems.isEmpty()) {
            throw Problem.invalid(problems);
        }
        DossierStatus required = atCounter ? DossierStatus.HELD_AT_OFFICE : DossierStatus.OUT_FOR_DELIVERY;
        if (required != l.dossier().status()) {
            throw Problem.conflict(
                    (atCounter
                                    ? "a hand-over at the counter is for an item held at the office"
                                    : "the item is not out " + "for delivery")
                            + "; it is " + l.dossier().status(),
                    Map.of(
                            "currentStatus",
                            l.dossier().status(),
                            "allowedNext",
                            l.dossier().status().allowedNext().stream()
                                    .map(Enum::name)
                                    .sorted()
                                    .toList()));
        }
        proofImages.keep(proof);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("relation", r.relation());
        facts.put("idDocumentType", r.idDocumentType());
        facts.put("atCounter", atCounter);
        dossiers.changes()
                .move(
                        h,
                        user.actor(),
                        l.dossier(),
                        DossierStatus.DELIVERED,
                        (atCounter ? "handed over at the counter to " : "delivered to ")
                                + r.recipientName().strip()
                                + (proxy ? " (proxy)" : ""),
                        JsonText.of(json, facts));
        h.attach(DeliveryDAO.class).finished(l.dossier().id(), deliveries.now());
        agencyNotices.enqueue(
                h,
                l.dossier(),
                l.delivery().s10Number(),
                AgencyNotices.Type.RESULT_DELIVERED,
                Map.of("relation", r.relation(), "deliveredAt", ISO_OFFSET_DATE_TIME.format(happenedAt(r))));
        deliveries.resultDelivered(h, l.dossier(), l.delivery());
        return record(
                h, user, l, r, DossierStatus.DELIVERED, proof, l.delivery().amountDue(), null, null);
    }

    private AttemptAnswer failed(Handle h, User user, DeliveryService.Locked l, AttemptRequest r) {
        if (user.role() != Role.COURIER) {
            throw Problem.forbidden("only the item's courier records a failed attempt");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (!oneOf(r.reason(), FailureReason.class)) {
            problems.add(
                    new FieldProblem("reason", "must be one of NOT_AT_HOME, WRONG_ADDRESS, REFUSED, MOVED, OTHER"));
        } else if (r.reason().equals("OTHER") && Text.blank(r.note())) {
            problems.add(new FieldProblem("note", "is required when the reason is OTHER: say what happened"));
        }
        if (!oneOf(r.action(), FailureAction.class)) {
            problems.add(new FieldProblem("action", "must be one of RETRY, HOLD_AT_OFFICE, RETURN"));
        }
        if (!problems.isEmpty()) {
            throw Problem.invalid(problems);
        }
        FailureReason reason = FailureReason.valueOf(r.reason());
        int failedAttempts = l.delivery().failedAttempts() + 1;
        DeliveryRules rules = deliveries.rules();
        DeliveryRules.AfterFailure next;
        try {
            next = rules.afterFailure(failedAttempts, reason, FailureAction.valueOf(r.action()));
        } catch (InvalidValueException e) {
            throw Problem.invalid("action", e.getMessage());
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("reason", reason.name());
        facts.put("action", r.action());
        facts.put("attempt", failedAttempts);
        dossiers.changes()
                .move(
                        h,
                        user.actor(),
                        l.dossier(),
                        DossierStatus.DELIVERY_FAILED,
                        reason.labelVi()
                                + (Text.blank(r.note()) ? "" : ": " + r.note().strip()),
                        JsonText.of(json, facts));
        LocalDate failedOn = dayOf(r);
        LocalDate nextFrom = rules.nextAttemptFrom(failedOn);
        h.attach(DeliveryDAO.class).failed(l.dossier().id(), failedAttempts, failedOn, nextFrom);
        DossierRow after = h.attach(DossierDAO.class).findById(l.dossier().id()).orElseThrow();
        LocalDate heldUntil = null;
        switch (next.status()) {
            case HELD_AT_OFFICE -> heldUntil = deliveries.hold(h, user, after, l.delivery(), next.why());
            case RETURNED_TO_AGENCY -> deliveries.returned(h, user, after, l.delivery(), next.why());
            default ->
                deliveries.tellApplicant(
                        h,
                        after,
                        l.delivery(),
                        NotificationKind.DELIVERY_FAILED,
                        Map.of("reason", reason.labelVi(), "nextAttemptFrom", nextFrom));
        }
        return record(
                h,
                user,
                l,
                r,
                next.status(),
                null,
                0,
                next.status() == DossierStatus.DELIVERY_FAILED ? nextFrom : null,
                heldUntil);
    }

    private AttemptAnswer record(
            Handle h,
            User user,
            DeliveryService.Locked l,
            AttemptRequest r,
            DossierStatus status,
            StagedBlob proof,
            long collected,
            LocalDate nextAttemptFrom,
            LocalDate heldUntil) {
        OffsetDateTime now = deliveries.now();
        Delivery after = h.attach(DeliveryDAO.class).find(l.dossier().id()).orElseThrow();
        AttemptAnswer answer = new AttemptAnswer(
                r.clientAttemptId().trim(),
                l.delivery().s10Number(),
                l.dossier().code(),
                r.outcome(),
                status,
                after.failedAttempts(),
                nextAttemptFrom,
                heldUntil,
                collected,
                null,
                now);
        boolean delivered = r.outcome().equals("DELIVERED");
        h.attach(DeliveryDAO.class)
                .insertAttempt(new DeliveryDAO.Attempt(
                        null,
                        l.dossier().id(),
                        answer.clientAttemptId(),
                        user.username(),
                        r.outcome().equals("FAILED") ? "FAILED" : r.outcome(),
                        r.at() != null ? r.at() : now,
                        now,
                        user.role() != Role.COURIER,
                        delivered ? r.recipientName().strip() : null,
                        delivered ? r.relation() : null,
                        delivered ? r.idDocumentType() : null,
                        delivered ? DeliveryRules.lastFour(r.idNumber()) : null,
                        delivered && !Text.blank(r.proxyAuthorisation())
                                ? r.proxyAuthorisation().strip()
                                : null,
                        proof == null ? null : proof.sha256(),
                        proof == null ? null : r.proof().mediaType(),
                        r.latitude(),
                        r.longitude(),
                        r.reason(),
                        r.action(),
                        collected,
                        JsonText.of(json, answer)));
        return answer;
    }

    /** The request's shape is checked by its annotations (Jersey's {@code @Valid}); a time from the future is a phone's clock. */
    private void checkNotFuture(AttemptRequest r) {
        if (r.at() != null && r.at().isAfter(OffsetDateTime.now(clock).plusMinutes(10))) {
            throw Problem.invalid("at", "is in the future; send when it happened (ISO-8601 with offset)");
        }
    }

    private String position(AttemptRequest r) {
        return r.latitude() == null || r.longitude() == null
                ? null
                : JsonText.of(json, Map.of("latitude", r.latitude(), "longitude", r.longitude()));
    }

    private static <E extends Enum<E>> boolean oneOf(String value, Class<E> type) {
        if (value == null) {
            return false;
        }
        try {
            Enum.valueOf(type, value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
