package vn.dossierpost.service.returnleg;

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.AttemptAnswer;
import vn.dossierpost.api.AttemptRequest;
import vn.dossierpost.api.AttemptView;
import vn.dossierpost.api.DeliveryView;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.User;
import vn.dossierpost.db.UserDAO;
import vn.dossierpost.db.DeliveryDAO;
import vn.dossierpost.db.DeliveryDAO.Delivery;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.EventDAO;
import vn.dossierpost.pdf.SlipText;
import vn.dossierpost.domain.DeliveryRules;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.FailureAction;
import vn.dossierpost.domain.FailureReason;
import vn.dossierpost.domain.IdentityDocument;
import vn.dossierpost.domain.InvalidValueException;
import vn.dossierpost.domain.ScanType;
import vn.dossierpost.service.Problem.FieldProblem;
import vn.dossierpost.storage.FileSystemBlobStore;
import vn.dossierpost.storage.StagedBlob;
import vn.dossierpost.service.notify.Notifications;
import vn.dossierpost.service.dossier.DossierService;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.notify.NotificationKind;
import vn.dossierpost.service.JsonText;
import vn.dossierpost.service.catalogue.ReferenceDataCache;

/**
 * The return leg from the delivering office on (QĐ 45/2016 Art. 10): arrival there, couriers, every
 * attempt, the hand-over at the counter and the return to the agency. Each use case is one
 * transaction holding the dossier's row lock, so two devices updating one item are served one after
 * the other: the first wins, the second meets the new status (409).
 */
public final class DeliveryService {
    /** Timeline entries that are not status changes but are shown to the public (UPU EMG). */
    public static final String ARRIVED = "ARRIVED_AT_DELIVERY_OFFICE";
    public static final String ASSIGNED = "ASSIGNED_TO_COURIER";
    private static final int MAX_PROOF_BYTES = 2 * 1024 * 1024;

    private final Jdbi jdbi;
    private final DossierService dossiers;
    private final ReferenceDataCache referenceData;
    private final Notifications notifications;
    private final AgencyNotices agencyNotices;
    private final FileSystemBlobStore store;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final int daysBetweenAttempts;
    private final int attempts;
    private final int holdDays;

    public DeliveryService(Jdbi jdbi, DossierService dossiers, ReferenceDataCache referenceData, Notifications notifications,
                           AgencyNotices agencyNotices, FileSystemBlobStore store, ObjectMapper json, Clock clock, ZoneId zone,
                           int daysBetweenAttempts, int attempts, int holdDays) {
        this.jdbi = jdbi;
        this.dossiers = dossiers;
        this.referenceData = referenceData;
        this.notifications = notifications;
        this.agencyNotices = agencyNotices;
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
        this.daysBetweenAttempts = daysBetweenAttempts;
        this.attempts = attempts;
        this.holdDays = holdDays;
    }

    /** The rules with today's working calendar (an administrator may have edited it). */
    DeliveryRules rules() {
        return new DeliveryRules(referenceData.get().calendar(), daysBetweenAttempts, attempts, holdDays);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(zone)).withNano(0);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The item and its dossier, locked for the caller's transaction. */
    private record Locked(DossierRow dossier, Delivery delivery) {}

    private Locked lock(Handle h, String s10) {
        long id = dossierOf(h, s10);
        DossierRow d = h.attach(DossierDAO.class).lockById(id).orElseThrow();
        return new Locked(d, h.attach(DeliveryDAO.class).find(id).orElseThrow());
    }

    /** The dossier whose return item has this S10 number (404 if none). */
    static long dossierOf(Handle h, String s10) {
        return h.attach(DeliveryDAO.class).dossierOf(s10 == null ? "" : s10.trim().toUpperCase())
                .orElseThrow(() -> Problem.notFound("no return item with S10 number " + s10));
    }

    /** Staff of the delivering office (or a supervisor) only. */
    private static void checkOffice(User user, Delivery delivery) {
        boolean allowed = user.role() == Role.SUPERVISOR || user.role() == Role.ADMIN
                || (user.role() == Role.COUNTER && delivery.officeCode().equals(user.officeCode()));
        if (!allowed) {
            throw Problem.forbidden("item " + delivery.s10Number() + " is handled by post office " + delivery.officeCode());
        }
    }

    public DeliveryView view(User user, String s10) {
        return jdbi.withHandle(h -> {
            long id = dossierOf(h, s10);
            Delivery delivery = h.attach(DeliveryDAO.class).find(id).orElseThrow();
            if (!(user.role() == Role.COURIER && user.username().equals(delivery.courier()))) {
                checkOffice(user, delivery);
            }
            return view(h, id);
        });
    }

    DeliveryView view(Handle h, long dossierId) {
        DossierRow d = h.attach(DossierDAO.class).findById(dossierId).orElseThrow();
        Delivery l = h.attach(DeliveryDAO.class).find(dossierId).orElseThrow();
        return toView(new DeliveryDAO.Item(d.id(), l.s10Number(), d.code(), d.status(), l.officeCode(), l.method(), d.applicantName(),
                d.applicantPhone(), d.deliveryStreet() != null ? d.deliveryStreet() : d.applicantStreet(), l.communeCode(), l.courier(),
                l.amountDue(), l.failedAttempts(), l.nextAttemptFrom(), l.heldUntil(), l.arrivedAt(), l.finishedAt()));
    }

    DeliveryView toView(DeliveryDAO.Item i) {
        DossierStatus s = DossierStatus.valueOf(i.status());
        String communeName = i.communeCode() == null ? null : referenceData.get().commune(i.communeCode()).map(c -> c.name()).orElse(null);
        return new DeliveryView(i.s10Number(), i.dossierCode(), s.name(), s.labelVi(), i.method(), i.officeCode(),
                new DeliveryView.Recipient(i.recipientName(), i.recipientPhone(), i.method().equals("HOME") ? i.street() : null,
                        i.communeCode(), communeName),
                i.courier(), i.amountDue(), i.failedAttempts(), i.nextAttemptFrom(), i.heldUntil(),
                i.arrivedAt() == null ? null : i.arrivedAt().atZoneSameInstant(zone).toOffsetDateTime(),
                i.finishedAt() == null ? null : i.finishedAt().atZoneSameInstant(zone).toOffsetDateTime(),
                "/api/deliveries/" + i.s10Number() + "/slip.pdf");
    }

    /** An office's items, in the given status or in any not yet finished. */
    public List<DeliveryView> ofOffice(User user, String office, String status, int limit) {
        String officeCode = user.role() == Role.COUNTER ? user.officeCode() : office;
        if (officeCode == null) {
            throw Problem.invalid("office", "is required: the post office code");
        }
        List<String> statuses;
        if (status == null) {
            statuses = Stream.of(DossierStatus.RESULT_COLLECTED, DossierStatus.OUT_FOR_DELIVERY, DossierStatus.DELIVERY_FAILED,
                    DossierStatus.HELD_AT_OFFICE).map(Enum::name).toList();
        } else {
            try {
                statuses = List.of(DossierStatus.valueOf(status).name());
            } catch (IllegalArgumentException e) {
                throw Problem.invalid("status", "unknown status '" + status + "'");
            }
        }
        if (limit < 1 || limit > 500) {
            throw Problem.invalid("limit", "must be between 1 and 500");
        }
        return jdbi.withExtension(DeliveryDAO.class, dao -> dao.ofOffice(officeCode, statuses, limit)).stream()
                .map(this::toView).toList();
    }

    /**
     * The item reached its delivering office (UPU EMG): to be held there for collection when the
     * applicant chose so (and invited), otherwise given to the courier covering its commune.
     */
    public DeliveryView arrive(User clerk, String s10) {
        return jdbi.inTransaction(h -> {
            Locked l = lock(h, s10);
            checkOffice(clerk, l.delivery());
            arrive(h, clerk, l.dossier(), l.delivery());
            return view(h, l.dossier().id());
        });
    }

    void arrive(Handle h, User clerk, DossierRow d, Delivery delivery) {
        if (!DossierStatus.RESULT_COLLECTED.name().equals(d.status()) || h.attach(DeliveryDAO.class).arrived(d.id(), now()) == 0) {
            throw Problem.conflict("item " + delivery.s10Number() + " has arrived already; it is " + d.status(),
                    Map.of("currentStatus", d.status()));
        }
        String officeName = referenceData.get().office(delivery.officeCode()).map(o -> o.name()).orElse(delivery.officeCode());
        event(h, clerk, d, ARRIVED, "arrived at " + officeName, null);
        if (delivery.method().equals("PICKUP_AT_OFFICE")) {
            hold(h, clerk, d, delivery, "the applicant collects it at the office");
            return;
        }
        h.attach(DeliveryDAO.class).courierByCommune(d.id()).ifPresent(courier -> assign(h, clerk, d, courier, "by commune"));
    }

    /** Gives the item to a courier of its office by hand. */
    public DeliveryView assign(User user, String s10, String courier) {
        if (courier == null || courier.isBlank()) {
            throw Problem.invalid("courier", "is required: the username of a courier of the item's office");
        }
        return jdbi.inTransaction(h -> {
            Locked l = lock(h, s10);
            checkOffice(user, l.delivery());
            // an item out for delivery is in its courier's hands: it changes hands only once back
            if (l.delivery().finishedAt() != null || DossierStatus.HELD_AT_OFFICE.name().equals(l.dossier().status())
                    || DossierStatus.OUT_FOR_DELIVERY.name().equals(l.dossier().status())) {
                throw Problem.conflict("item " + l.delivery().s10Number() + " is " + l.dossier().status() + ": no courier takes it now",
                        Map.of("currentStatus", l.dossier().status()));
            }
            User c = h.attach(UserDAO.class).findActive(courier.trim()).map(UserDAO.StoredUser::toUser).orElse(null);
            if (c == null || c.role() != Role.COURIER || !l.delivery().officeCode().equals(c.officeCode())) {
                throw Problem.invalid("courier", "'" + courier + "' is not a courier of post office " + l.delivery().officeCode());
            }
            assign(h, user, l.dossier(), c.username(), "by hand");
            return view(h, l.dossier().id());
        });
    }

    private void assign(Handle h, User by, DossierRow d, String courier, String how) {
        h.attach(DeliveryDAO.class).assign(d.id(), courier, now());
        event(h, by, d, ASSIGNED, "to courier " + courier + " (" + how + ")", null);
    }

    /**
     * One update from a courier's phone, or the hand-over at the counter of an item held there.
     * The same {@code clientAttemptId} again returns the first answer and changes nothing.
     */
    public AttemptAnswer attempt(User user, String s10, AttemptRequest r) {
        String outcome = validateShape(r);
        StagedBlob proof = outcome.equals("DELIVERED") ? stageProof(r.proof()) : null;
        try {
            return jdbi.inTransaction(h -> {
                Locked l = lock(h, s10);
                DeliveryDAO deliveries = h.attach(DeliveryDAO.class);
                // a resend is answered as the first time, even if the item has since moved to another courier
                var earlier = deliveries.recorded(l.dossier().id(), r.clientAttemptId().trim());
                if (earlier.isPresent()) {
                    return resent(user, r, earlier.get());
                }
                checkAttemptBy(user, l.delivery());
                checkTime(deliveries, l, r);
                return switch (outcome) {
                    case "OUT_FOR_DELIVERY" -> outForDelivery(h, user, l, r);
                    case "DELIVERED" -> delivered(h, user, l, r, proof);
                    default -> failed(h, user, l, r);
                };
            });
        } finally {
            if (proof != null) {
                store.discard(proof);
            }
        }
    }

    /** The first answer to a resent update; an id reused for another update is refused rather than silently ignored. */
    private AttemptAnswer resent(User user, AttemptRequest r, DeliveryDAO.Recorded earlier) {
        if (!earlier.actor().equals(user.username()) || !earlier.outcome().equals(r.outcome())) {
            throw Problem.invalid("clientAttemptId", "'" + r.clientAttemptId().trim() + "' was already used for a " + earlier.outcome()
                    + " update by " + earlier.actor() + "; a new update needs a new id");
        }
        return JsonText.read(json, earlier.answer(), AttemptAnswer.class);
    }

    /**
     * A phone out of coverage sends its updates later with the time they happened ({@code at}); that
     * time cannot be before the item reached the office or before its latest recorded update, since
     * it decides the day's cash and the date the next attempt counts from.
     */
    private void checkTime(DeliveryDAO deliveries, Locked l, AttemptRequest r) {
        if (r.at() == null) {
            return;
        }
        OffsetDateTime last = deliveries.lastAttemptAt(l.dossier().id()).orElse(null);
        OffsetDateTime arrived = l.delivery().arrivedAt();
        boolean afterLastUpdate = last != null && (arrived == null || last.isAfter(arrived));
        OffsetDateTime earliest = afterLastUpdate ? last : arrived;
        if (earliest != null && r.at().isBefore(earliest)) {
            throw Problem.invalid("at", "is before " + earliest.atZoneSameInstant(zone).toOffsetDateTime() + ", when the item "
                    + (afterLastUpdate ? "had its latest update" : "arrived at the delivering office")
                    + "; send the time the update happened (ISO-8601 with offset), or leave it out");
        }
    }

    /** When an update happened: its {@code at} (a phone sending late), or now. */
    private OffsetDateTime happenedAt(AttemptRequest r) {
        return r.at() != null ? r.at().atZoneSameInstant(zone).toOffsetDateTime().withNano(0) : now();
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
        checkOffice(user, delivery);
    }

    private AttemptAnswer outForDelivery(Handle h, User user, Locked l, AttemptRequest r) {
        if (user.role() != Role.COURIER) {
            throw Problem.forbidden("only the item's courier takes it out for delivery");
        }
        LocalDate from = l.delivery().nextAttemptFrom();
        if (DossierStatus.DELIVERY_FAILED.name().equals(l.dossier().status()) && from != null && dayOf(r).isBefore(from)) {
            throw Problem.conflict("the next attempt may be made from " + from + ", two working days after the failed one "
                    + "(QĐ 45/2016 Art. 10)", Map.of("currentStatus", l.dossier().status(), "nextAttemptFrom", from.toString()));
        }
        if (l.delivery().arrivedAt() == null) {
            throw Problem.conflict("item " + l.delivery().s10Number() + " has not arrived at its delivering office yet",
                    Map.of("currentStatus", l.dossier().status()));
        }
        dossiers.transition(h, user, l.dossier(), DossierStatus.OUT_FOR_DELIVERY, null, position(r));
        return record(h, user, l, r, DossierStatus.OUT_FOR_DELIVERY, null, 0, null, null);
    }

    private AttemptAnswer delivered(Handle h, User user, Locked l, AttemptRequest r, StagedBlob proof) {
        boolean atCounter = user.role() != Role.COURIER;
        List<FieldProblem> problems = new ArrayList<>();
        boolean proxy = "PROXY".equals(r.relation());
        if (blank(r.recipientName())) problems.add(new FieldProblem("recipientName", "is required: the name of who received it"));
        if (!"SELF".equals(r.relation()) && !proxy) problems.add(new FieldProblem("relation", "must be SELF or PROXY"));
        if (!oneOf(r.idDocumentType(), IdentityDocument.class)) {
            problems.add(new FieldProblem("idDocumentType", "must be one of CCCD, PASSPORT, CMND"));
        }
        DeliveryRules.FieldError id = DeliveryRules.identityProblem(proxy, r.idNumber(), l.dossier().applicantCitizenId(),
                r.proxyAuthorisation());
        if (id != null) problems.add(new FieldProblem(id.field(), id.message()));
        if (proof == null && !atCounter) {
            problems.add(new FieldProblem("proof", "is required: the recipient's signature or a photo (mediaType image/png or "
                    + "image/jpeg, base64)"));
        }
        if (!problems.isEmpty()) {
            throw Problem.invalid(problems);
        }
        DossierStatus required = atCounter ? DossierStatus.HELD_AT_OFFICE : DossierStatus.OUT_FOR_DELIVERY;
        if (!required.name().equals(l.dossier().status())) {
            throw Problem.conflict((atCounter ? "a hand-over at the counter is for an item held at the office" : "the item is not out "
                    + "for delivery") + "; it is " + l.dossier().status(), Map.of("currentStatus", l.dossier().status(),
                    "allowedNext", DossierStatus.valueOf(l.dossier().status()).allowedNext().stream().map(Enum::name).sorted().toList()));
        }
        if (proof != null) {
            try {
                store.place(proof);
            } catch (IOException e) {
                throw new UncheckedIOException("the proof image could not be stored", e);
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("relation", r.relation());
        facts.put("idDocumentType", r.idDocumentType());
        facts.put("atCounter", atCounter);
        dossiers.transition(h, user, l.dossier(), DossierStatus.DELIVERED, (atCounter ? "handed over at the counter to " : "delivered to ")
                + r.recipientName().strip() + (proxy ? " (proxy)" : ""), JsonText.of(json, facts));
        h.attach(DeliveryDAO.class).finished(l.dossier().id(), now());
        agencyNotices.enqueue(h, l.dossier(), l.delivery().s10Number(), AgencyNotices.Type.RESULT_DELIVERED,
                Map.of("relation", r.relation(), "deliveredAt", ISO_OFFSET_DATE_TIME.format(happenedAt(r))));
        return record(h, user, l, r, DossierStatus.DELIVERED, proof, l.delivery().amountDue(), null, null);
    }

    private AttemptAnswer failed(Handle h, User user, Locked l, AttemptRequest r) {
        if (user.role() != Role.COURIER) {
            throw Problem.forbidden("only the item's courier records a failed attempt");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (!oneOf(r.reason(), FailureReason.class)) {
            problems.add(new FieldProblem("reason", "must be one of NOT_AT_HOME, WRONG_ADDRESS, REFUSED, MOVED, OTHER"));
        } else if (r.reason().equals("OTHER") && blank(r.note())) {
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
        DeliveryRules rules = rules();
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
        dossiers.transition(h, user, l.dossier(), DossierStatus.DELIVERY_FAILED, reason.labelVi()
                + (blank(r.note()) ? "" : ": " + r.note().strip()), JsonText.of(json, facts));
        LocalDate failedOn = dayOf(r);
        LocalDate nextFrom = rules.nextAttemptFrom(failedOn);
        h.attach(DeliveryDAO.class).failed(l.dossier().id(), failedAttempts, failedOn, nextFrom);
        DossierRow after = h.attach(DossierDAO.class).findById(l.dossier().id()).orElseThrow();
        LocalDate heldUntil = null;
        switch (next.status()) {
            case HELD_AT_OFFICE -> heldUntil = hold(h, user, after, l.delivery(), next.why());
            case RETURNED_TO_AGENCY -> returned(h, user, after, l.delivery(), next.why());
            default -> { }
        }
        return record(h, user, l, r, next.status(), null, 0, next.status() == DossierStatus.DELIVERY_FAILED ? nextFrom : null, heldUntil);
    }

    /** Held at the office for the configured working days; the applicant is invited to collect it. */
    private LocalDate hold(Handle h, User user, DossierRow d, Delivery delivery, String why) {
        LocalDate until = rules().heldUntil(today());
        dossiers.transition(h, user, d, DossierStatus.HELD_AT_OFFICE, why + "; held until " + until, null);
        h.attach(DeliveryDAO.class).held(d.id(), until);
        var office = referenceData.get().office(delivery.officeCode());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("returnS10Number", delivery.s10Number());
        facts.put("heldUntil", until);
        office.ifPresent(o -> {
            facts.put("officeName", o.name());
            facts.put("officeAddress", o.address());
        });
        if (delivery.amountDue() > 0) {
            facts.put("amountDue", SlipText.vnd(delivery.amountDue()));
        }
        notifications.enqueue(h, d, NotificationKind.HELD_AT_OFFICE, facts);
        return until;
    }

    private void returned(Handle h, User user, DossierRow d, Delivery delivery, String why) {
        dossiers.transition(h, user, d, DossierStatus.RETURNED_TO_AGENCY, why, null);
        h.attach(DeliveryDAO.class).finished(d.id(), now());
        agencyNotices.enqueue(h, d, delivery.s10Number(), AgencyNotices.Type.RESULT_RETURNED, Map.of("reason", why));
    }

    /** A held item nobody collected goes back to the agency, once its holding time is over. */
    public DeliveryView returnToAgency(User clerk, String s10, String note) {
        return jdbi.inTransaction(h -> {
            Locked l = lock(h, s10);
            checkOffice(clerk, l.delivery());
            if (!DossierStatus.HELD_AT_OFFICE.name().equals(l.dossier().status())) {
                throw Problem.conflict("only an item held at the office goes back from the counter; it is " + l.dossier().status(),
                        Map.of("currentStatus", l.dossier().status()));
            }
            if (!rules().mayReturnHeld(today(), l.delivery().heldUntil())) {
                throw Problem.conflict("the applicant may collect it until " + l.delivery().heldUntil() + "; it goes back after that",
                        Map.of("currentStatus", l.dossier().status(), "heldUntil", l.delivery().heldUntil().toString()));
            }
            returned(h, clerk, l.dossier(), l.delivery(), "not collected by " + l.delivery().heldUntil()
                    + (blank(note) ? "" : ": " + note.strip()));
            return view(h, l.dossier().id());
        });
    }

    private AttemptAnswer record(Handle h, User user, Locked l, AttemptRequest r, DossierStatus status, StagedBlob proof,
                                 long collected, LocalDate nextAttemptFrom, LocalDate heldUntil) {
        OffsetDateTime now = now();
        Delivery after = h.attach(DeliveryDAO.class).find(l.dossier().id()).orElseThrow();
        AttemptAnswer answer = new AttemptAnswer(r.clientAttemptId().trim(), l.delivery().s10Number(), l.dossier().code(),
                r.outcome(), status.name(), after.failedAttempts(), nextAttemptFrom, heldUntil, collected, null, now);
        boolean delivered = r.outcome().equals("DELIVERED");
        h.attach(DeliveryDAO.class).insertAttempt(new DeliveryDAO.Attempt(null, l.dossier().id(), answer.clientAttemptId(), user.username(),
                r.outcome().equals("FAILED") ? "FAILED" : r.outcome(), r.at() != null ? r.at() : now, now, user.role() != Role.COURIER,
                delivered ? r.recipientName().strip() : null, delivered ? r.relation() : null, delivered ? r.idDocumentType() : null,
                delivered ? DeliveryRules.lastFour(r.idNumber()) : null, delivered && !blank(r.proxyAuthorisation())
                        ? r.proxyAuthorisation().strip() : null,
                proof == null ? null : proof.sha256(), proof == null ? null : r.proof().mediaType(), r.latitude(), r.longitude(),
                r.reason(), r.action(), collected, JsonText.of(json, answer)));
        return answer;
    }

    /** Every update recorded for an item, for the staff of its office (a complaint, a dispute about money). */
    public List<AttemptView> attempts(User user, String s10) {
        return jdbi.withHandle(h -> {
            long id = dossierOf(h, s10);
            Delivery delivery = h.attach(DeliveryDAO.class).find(id).orElseThrow();
            checkOffice(user, delivery);
            return h.attach(DeliveryDAO.class).attempts(id).stream().map(a -> new AttemptView(a.id(), a.clientAttemptId(), a.outcome(),
                    a.at().atZoneSameInstant(zone).toOffsetDateTime(), a.recordedAt().atZoneSameInstant(zone).toOffsetDateTime(),
                    a.actor(), a.atCounter(), a.recipientName(), a.recipientRelation(), a.idDocumentType(), a.idLast4(),
                    a.proxyAuthorisation(), a.proofSha256() == null ? null
                            : "/api/deliveries/" + delivery.s10Number() + "/attempts/" + a.id() + "/proof",
                    a.latitude(), a.longitude(), a.reason(), a.action(), a.amountCollected())).toList();
        });
    }

    /** The signature or photo taken at a delivery. */
    public record ProofImage(String mediaType, byte[] content) {}

    public ProofImage proof(User user, String s10, long attemptId) {
        DeliveryDAO.Attempt a = jdbi.withHandle(h -> {
            long id = dossierOf(h, s10);
            checkOffice(user, h.attach(DeliveryDAO.class).find(id).orElseThrow());
            return h.attach(DeliveryDAO.class).attempts(id).stream().filter(x -> x.id() == attemptId && x.proofSha256() != null)
                    .findFirst().orElseThrow(() -> Problem.notFound("attempt " + attemptId + " of item " + s10 + " has no proof image"));
        });
        try {
            return new ProofImage(a.proofMediaType(), java.nio.file.Files.readAllBytes(store.pathOf(a.proofSha256())));
        } catch (IOException e) {
            throw new UncheckedIOException("the proof image " + a.proofSha256() + " cannot be read", e);
        }
    }

    private String validateShape(AttemptRequest r) {
        if (r == null) {
            throw Problem.invalid("body", "an attempt (JSON object) is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(r.clientAttemptId()) || r.clientAttemptId().trim().length() > 100) {
            problems.add(new FieldProblem("clientAttemptId", "is required: the device's own id of this update, at most 100 characters "
                    + "(the same id when it is sent again)"));
        }
        if (r.outcome() == null || !List.of("OUT_FOR_DELIVERY", "DELIVERED", "FAILED").contains(r.outcome())) {
            problems.add(new FieldProblem("outcome", "must be OUT_FOR_DELIVERY, DELIVERED or FAILED"));
        }
        if (r.latitude() != null && (r.latitude() < -90 || r.latitude() > 90)) {
            problems.add(new FieldProblem("latitude", "must be between -90 and 90"));
        }
        if (r.longitude() != null && (r.longitude() < -180 || r.longitude() > 180)) {
            problems.add(new FieldProblem("longitude", "must be between -180 and 180"));
        }
        if (r.at() != null && r.at().isAfter(OffsetDateTime.now(clock).plusMinutes(10))) {
            problems.add(new FieldProblem("at", "is in the future; send when it happened (ISO-8601 with offset)"));
        }
        if (!problems.isEmpty()) {
            throw Problem.invalid(problems);
        }
        return r.outcome();
    }

    /** The proof image staged (not yet in the store): checked to be a PNG or JPEG of at most 2 MB. */
    private StagedBlob stageProof(AttemptRequest.Proof proof) {
        if (proof == null || blank(proof.base64())) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(proof.base64());
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("proof.base64", "is not base64: " + e.getMessage());
        }
        if (bytes.length == 0 || bytes.length > MAX_PROOF_BYTES) {
            throw Problem.invalid("proof.base64", "must be an image of 1 byte to 2 MB");
        }
        ScanType type = ScanType.detect(bytes, Math.min(bytes.length, ScanType.MAGIC_LENGTH)).orElse(null);
        if (type == null || !(type == ScanType.PNG || type == ScanType.JPEG) || !type.mediaType().equals(proof.mediaType())) {
            throw Problem.invalid("proof", "must be a PNG or JPEG image whose mediaType (image/png or image/jpeg) matches its content");
        }
        try {
            return store.stage(new ByteArrayInputStream(bytes), MAX_PROOF_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("the proof image could not be staged", e);
        }
    }

    private String position(AttemptRequest r) {
        return r.latitude() == null || r.longitude() == null ? null
                : JsonText.of(json, Map.of("latitude", r.latitude(), "longitude", r.longitude()));
    }

    private void event(Handle h, User user, DossierRow d, String type, String note, String payload) {
        h.attach(EventDAO.class).append(new EventDAO.NewEvent(d.id(), type, null, null, now(), user.username(), user.officeCode(), null,
                note, payload));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
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
