package vn.dossierpost.service.handover;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dossierpost.api.agency.AgencyReceipt;
import vn.dossierpost.api.agency.DossierManifest;
import vn.dossierpost.api.HandoverView;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.User;
import vn.dossierpost.db.AgencyChannel;
import vn.dossierpost.pdf.HandoverRecordData;
import vn.dossierpost.db.AgencyDAO;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierFileDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.db.EventDAO;
import vn.dossierpost.db.HandoverDAO;
import vn.dossierpost.db.HandoverDAO.HandoverRow;
import vn.dossierpost.db.HandoverDAO.ItemRow;
import vn.dossierpost.db.OutboxDAO;
import vn.dossierpost.domain.DeadlineCalculator;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.DueDates;
import vn.dossierpost.domain.DossierTransitions;
import vn.dossierpost.service.notify.Notifications;
import vn.dossierpost.service.dossier.DossierService;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.notify.NotificationKind;
import vn.dossierpost.service.JsonText;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.RetryPolicy;

/**
 * Handing dossiers over to their agencies, as database transactions; the routes in routes/ call
 * these methods and do the talking. The steps:
 * <ol>
 * <li>{@link #batch}: queued dossiers of one agency become a numbered handover, move to
 *     IN_TRANSIT_TO_AGENCY, and the handover is queued for sending — all in one transaction that
 *     locks the queue rows with SKIP LOCKED, so two nodes never put a dossier in two handovers.</li>
 * <li>{@link #claim}: a sender leases handovers due for sending (the lease frees them again if the
 *     sender dies mid-way; the same handover number then goes out again, and the agency's
 *     idempotency on it makes the resend harmless).</li>
 * <li>{@link #settle} with the agency's answers: each receipt acknowledged (DELIVERED_TO_AGENCY,
 *     filing time, receipt number, the applicant's messages queued ({@link Notifications}):
 *     idempotent, also for acknowledgement files through {@link #acknowledge}), then the handover
 *     done, tried again later with backoff, or a dead letter past the retry age or after a
 *     permanent refusal.</li>
 * </ol>
 */
public final class HandoverService {
    private static final Logger LOG = LoggerFactory.getLogger(HandoverService.class);
    private static final DateTimeFormatter NUMBER_DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final User HANDOVER_ROUTE = new User("handover", Role.ADMIN, null, null, "Handover route");
    /** A pass of {@link #batch} stops after this many handovers, so the sender gets the first ones sooner. */
    private static final int MAX_HANDOVERS_PER_PASS = 4;

    /** A leased handover and the dossiers in it still to send. */
    public record Work(long outboxId, int attempt, OffsetDateTime queuedAt, HandoverRow handover, AgencyChannel agency,
                       List<Item> items) {}

    /** One dossier to send: the manifest bytes exactly as stored (the signature covers them). */
    public record Item(long handoverId, String handoverNo, String dossierCode, byte[] manifest, DossierManifest parsed,
                       AgencyChannel agency) {
        public String idempotencyKey() {
            return dossierCode + "/" + handoverNo;
        }
    }

    /** What one attempt to send one dossier came to. */
    public record Outcome(Item item, Result result, AgencyReceipt receipt, String error) {
        public enum Result { DELIVERED, PERMANENT_FAILURE, TRY_AGAIN }

        public static Outcome delivered(Item item, AgencyReceipt receipt) {
            return new Outcome(item, Result.DELIVERED, receipt, null);
        }

        public static Outcome permanent(Item item, String error) {
            return new Outcome(item, Result.PERMANENT_FAILURE, null, error);
        }

        public static Outcome tryAgain(Item item, String error) {
            return new Outcome(item, Result.TRY_AGAIN, null, error);
        }
    }

    private final Jdbi jdbi;
    private final ReferenceDataCache referenceData;
    private final DossierService dossiers;
    private final Notifications notifications;
    private final ObjectMapper json;
    private final Clock clock;
    private final ManifestBuilder manifests;
    private final RetryPolicy retry;
    private final LocalTime cutOff;
    private final Duration lease;
    private final Meter sent;
    private final Meter retried;
    private final Meter failed;

    public HandoverService(Jdbi jdbi, ReferenceDataCache referenceData, DossierService dossiers, Notifications notifications,
                           ObjectMapper json, Clock clock, ZoneId zone, LocalTime cutOff, RetryPolicy retry, Duration lease,
                           MetricRegistry metrics) {
        this.cutOff = cutOff;
        this.jdbi = jdbi;
        this.referenceData = referenceData;
        this.dossiers = dossiers;
        this.notifications = notifications;
        this.json = json;
        this.clock = clock;
        this.manifests = new ManifestBuilder(zone);
        this.retry = retry;
        this.lease = lease;
        this.sent = metrics.meter("handover.dossiers.delivered");
        this.retried = metrics.meter("handover.dossiers.retried");
        this.failed = metrics.meter("handover.dossiers.failed");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Puts the agency's queued dossiers into handovers; returns how many dossiers it handed over. */
    public int batch(String agencyCode) {
        int total = 0;
        for (int pass = 0; pass < MAX_HANDOVERS_PER_PASS; pass++) {
            boolean[] full = {false};
            total += jdbi.inTransaction(h -> {
                AgencyChannel agency = h.attach(AgencyDAO.class).channel(agencyCode).orElse(null);
                if (agency == null || !agency.active() || !agency.configured()) {
                    return 0;
                }
                List<OutboxDAO.Queued> queued = h.attach(OutboxDAO.class).lockQueuedDossiers(agencyCode, now(), agency.batchSize());
                full[0] = queued.size() == agency.batchSize();
                return queued.isEmpty() ? 0 : newHandover(h, agency, queued);
            });
            if (!full[0]) {
                break;
            }
        }
        return total;
    }

    private int newHandover(Handle h, AgencyChannel agency, List<OutboxDAO.Queued> queued) {
        HandoverDAO handovers = h.attach(HandoverDAO.class);
        DossierDAO dossierDao = h.attach(DossierDAO.class);
        DossierFileDAO files = h.attach(DossierFileDAO.class);
        ReferenceData ref = referenceData.get();
        OffsetDateTime now = now();
        String no = "BG" + now.atZoneSameInstant(clock.getZone()).format(NUMBER_DAY) + "-" + String.format("%06d", handovers.nextNumber());
        long handoverId = handovers.insert(no, agency.code(), agency.channel(), now);
        // set-based: one statement per kind of row for the whole batch, not one per dossier
        List<Long> ids = queued.stream().map(OutboxDAO.Queued::dossierId).toList();
        Map<Long, List<DossierFileDAO.FileRow>> filesOf = files.ofDossiers(ids).stream()
                .collect(Collectors.groupingBy(DossierFileDAO.FileRow::dossierId));
        Map<Long, List<DossierDAO.ComponentRow>> componentsOf = dossierDao.componentsOf(ids).stream()
                .collect(Collectors.groupingBy(DossierDAO.DossierComponent::dossierId,
                        Collectors.mapping(DossierDAO.DossierComponent::row, Collectors.toList())));
        Set<Long> incomplete = Set.copyOf(files.incomplete(ids));
        List<HandoverDAO.NewItem> items = new ArrayList<>();
        List<DossierService.Change> leaving = new ArrayList<>();
        String payload = toJson(Map.of("handoverNo", no));
        for (DossierRow d : dossierDao.lockByIds(ids)) {
            DossierStatus status = DossierStatus.valueOf(d.status());
            if (!DossierTransitions.allowed(status, DossierStatus.IN_TRANSIT_TO_AGENCY)) {
                LOG.info("dossier {} is {} and no longer goes to the agency; dropped from the handover queue", d.code(), status);
                continue;
            }
            List<DossierFileDAO.FileRow> fileRows = filesOf.getOrDefault(d.id(), List.of());
            DossierManifest manifest = manifests.build(no, d, componentsOf.getOrDefault(d.id(), List.of()), fileRows, ref);
            items.add(new HandoverDAO.NewItem(handoverId, d.id(), items.size() + 1, manifest.components().size(), fileRows.size(),
                    fileRows.stream().mapToLong(DossierFileDAO.FileRow::sizeBytes).sum(), !incomplete.contains(d.id()),
                    toJson(manifest)));
            leaving.add(new DossierService.Change(d, "handover " + no, payload));
        }
        dossiers.transitionAll(h, HANDOVER_ROUTE, leaving, DossierStatus.IN_TRANSIT_TO_AGENCY);
        OutboxDAO outbox = h.attach(OutboxDAO.class);
        outbox.doneAll(queued.stream().map(OutboxDAO.Queued::id).toList(), now);
        if (items.isEmpty()) {
            h.execute("DELETE FROM handover WHERE id = ?", handoverId);
            return 0;
        }
        handovers.insertItems(items);
        outbox.enqueueSend(handoverId, agency.code(), now);
        LOG.info("handover {} to {}: {} dossiers", no, agency.code(), items.size());
        return items.size();
    }

    /** Leases the agency's handovers that are due for sending, with their dossiers still to send. */
    public List<Work> claim(String agencyCode, int limit) {
        OffsetDateTime now = now();
        return jdbi.inTransaction(h -> {
            List<OutboxDAO.Claimed> claimed = h.attach(OutboxDAO.class)
                    .claimFor(OutboxDAO.HANDOVER_SEND, agencyCode, now, now.plus(lease), limit);
            if (claimed.isEmpty()) {
                return List.of();
            }
            AgencyChannel agency = h.attach(AgencyDAO.class).channel(agencyCode).orElseThrow();
            HandoverDAO handovers = h.attach(HandoverDAO.class);
            List<Work> work = new ArrayList<>();
            for (OutboxDAO.Claimed c : claimed) {
                HandoverRow handover = handovers.find(c.handoverId()).orElseThrow();
                List<Item> items = new ArrayList<>();
                for (ItemRow i : handovers.itemsIn(handover.id(), "PENDING")) {
                    byte[] bytes = i.manifest().getBytes(StandardCharsets.UTF_8);
                    items.add(new Item(handover.id(), handover.no(), i.dossierCode(), bytes,
                            readManifest(bytes), agency));
                }
                work.add(new Work(c.id(), c.attempts(), c.createdAt(), handover, agency, items));
            }
            return work;
        });
    }

    /**
     * Renews the lease on a claimed handover just before it is sent (a pass may claim several, and
     * the later ones wait for the earlier); false when another sender has taken it meanwhile, which
     * then sends it instead.
     */
    public boolean holdLease(Work work) {
        return jdbi.withExtension(OutboxDAO.class, dao -> dao.renew(work.outboxId(), work.attempt(), now().plus(lease))) == 1;
    }

    /**
     * The agency has the dossier: DELIVERED_TO_AGENCY with the filing time and receipt number, once.
     * A second acknowledgement of the same dossier (a resend after a crash, an agency that answers
     * twice, an acknowledgement file dropped again) changes nothing.
     *
     * @return the dossier codes of the receipts that are not in that handover to that agency (all of
     *         them when the handover is unknown); the others are applied
     */
    public List<String> acknowledge(String agencyCode, String handoverNo, List<AgencyReceipt> receipts) {
        int[] newly = {0};
        List<String> unknown = jdbi.inTransaction(h -> {
            HandoverDAO handovers = h.attach(HandoverDAO.class);
            HandoverRow handover = handovers.findByNo(handoverNo).filter(x -> x.agencyCode().equals(agencyCode)).orElse(null);
            if (handover == null) {
                return receipts.stream().map(AgencyReceipt::dossierCode).toList();
            }
            handovers.lock(handover.id());
            Acknowledged result = acknowledge(h, handover.id(), handoverNo, agencyCode, receipts);
            newly[0] = result.newlyDelivered();
            handovers.deliveredIfComplete(handover.id(), now());
            return result.unknown();
        });
        sent.mark(newly[0]);
        return unknown;
    }

    /**
     * A dossier filed again after a supplement: the agency's processing time counts from this filing
     * (Decree 61/2018 Art. 18), so its appointment and return dates move. Returns the new appointments.
     */
    private Map<Long, LocalDate> restartAgencyClock(Handle h, List<DossierService.Change> delivered, Map<Long, AgencyReceipt> receipts) {
        if (delivered.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = delivered.stream().map(c -> c.lockedRow().id()).toList();
        Set<Long> supplemented = Set.copyOf(h.attach(EventDAO.class).having(ids, DossierStatus.SUPPLEMENT_REQUESTED.name()));
        if (supplemented.isEmpty()) {
            return Map.of();
        }
        ReferenceData ref = referenceData.get();
        DeadlineCalculator deadlines = new DeadlineCalculator(ref.calendar(), cutOff);
        Map<Long, LocalDate> moved = new HashMap<>();
        for (DossierService.Change c : delivered) {
            DossierRow d = c.lockedRow();
            if (!supplemented.contains(d.id())) {
                continue;
            }
            int days = ref.procedure(d.procedureCode()).map(p -> p.processingDays()).orElse(0);
            DueDates due = deadlines.afterSupplement(
                    receipts.get(d.id()).receivedAt().atZoneSameInstant(clock.getZone()).toLocalDateTime(), days,
                    new DueDates(d.acceptanceDay(), d.handoverDue(), d.resultDue(), d.returnDue()));
            h.attach(DossierDAO.class).rescheduled(d.id(), due.resultAppointment(), due.returnBy());
            moved.put(d.id(), due.resultAppointment());
        }
        return moved;
    }

    private record Acknowledged(int newlyDelivered, List<String> unknown) {}

    /**
     * Within a transaction holding the handover's lock (every writer of its items takes it first):
     * records the receipts of dossiers not yet delivered, set-based, and names the dossier codes that
     * are not in the handover.
     */
    private Acknowledged acknowledge(Handle h, long handoverId, String handoverNo, String agencyCode, List<AgencyReceipt> receipts) {
        HandoverDAO handovers = h.attach(HandoverDAO.class);
        Map<String, ItemRow> items = handovers.items(handoverId).stream().collect(Collectors.toMap(ItemRow::dossierCode, i -> i));
        List<String> unknown = new ArrayList<>();
        Map<Long, AgencyReceipt> fresh = new LinkedHashMap<>();
        OffsetDateTime now = now();
        for (AgencyReceipt r : receipts) {
            ItemRow item = items.get(r.dossierCode());
            if (item == null) {
                unknown.add(r.dossierCode());
            } else if (!"DELIVERED".equals(item.state())) {
                fresh.putIfAbsent(item.dossierId(), r.receivedAt() != null ? r : new AgencyReceipt(r.dossierCode(), r.receiptNumber(), now));
            }
        }
        if (fresh.isEmpty()) {
            return new Acknowledged(0, unknown);
        }
        List<Long> ids = new ArrayList<>(fresh.keySet());
        List<String> numbers = ids.stream().map(id -> fresh.get(id).receiptNumber()).toList();
        List<OffsetDateTime> filedAt = ids.stream().map(id -> fresh.get(id).receivedAt()).toList();
        handovers.itemsDelivered(handoverId, ids, numbers, filedAt);
        List<DossierService.Change> changes = new ArrayList<>();
        for (DossierRow d : h.attach(DossierDAO.class).lockByIds(ids)) {
            // a dossier that moved on meanwhile (RECEIVED event first, say) keeps its status; the receipt is still kept
            if (DossierStatus.valueOf(d.status()) == DossierStatus.IN_TRANSIT_TO_AGENCY) {
                AgencyReceipt r = fresh.get(d.id());
                String note = r.receiptNumber() == null ? "handover " + handoverNo : "handover " + handoverNo + ", receipt " + r.receiptNumber();
                changes.add(new DossierService.Change(d, note, toJson(new Filing(handoverNo, r.receiptNumber(), r.receivedAt()))));
            }
        }
        dossiers.transitionAll(h, new User("agency:" + agencyCode, Role.AGENCY, null, agencyCode, null), changes,
                DossierStatus.DELIVERED_TO_AGENCY);
        handovers.filed(ids, filedAt, numbers);
        Map<Long, LocalDate> moved = restartAgencyClock(h, changes, fresh);
        // TT 17/2017 Art. 12: tell the applicant the dossier reached the agency, and the appointment date
        notifications.enqueueAll(h, changes.stream().map(DossierService.Change::lockedRow).toList(), NotificationKind.DELIVERED_TO_AGENCY,
                d -> receiptFacts(d, fresh.get(d.id()), moved.getOrDefault(d.id(), d.resultDue())));
        return new Acknowledged(fresh.size(), unknown);
    }

    private static Map<String, Object> receiptFacts(DossierRow d, AgencyReceipt receipt, LocalDate appointment) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("receiptNumber", receipt.receiptNumber());
        facts.put("appointmentDate", appointment);
        return facts;
    }

    private String toJson(Object value) {
        return JsonText.of(json, value);
    }

    private DossierManifest readManifest(byte[] bytes) {
        try {
            return json.readValue(bytes, DossierManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored manifest is not readable", e);
        }
    }

    private record Filing(String handoverNo, String receiptNumber, OffsetDateTime filedAt) {}

    /**
     * After a send attempt, in one transaction: what the agency answered for each dossier (receipts
     * recorded, refusals marked), then the handover's fate: nothing left to send ends its outbox row
     * (a refused dossier makes it a dead letter); something left is tried again after a backoff, or
     * given up as a dead letter once the handover has waited longer than the retry age. Recording the
     * answers of a whole handover at once costs one commit instead of one per dossier; a crash before
     * it only means the same dossiers are sent again under the same keys.
     */
    public void settle(Work work, List<Outcome> outcomes) {
        OffsetDateTime now = now();
        int[] counts = new int[3]; // delivered, failed, to retry
        jdbi.useTransaction(h -> {
            HandoverDAO handovers = h.attach(HandoverDAO.class);
            OutboxDAO outbox = h.attach(OutboxDAO.class);
            long id = work.handover().id();
            handovers.lock(id);
            List<AgencyReceipt> receipts = new ArrayList<>();
            Map<String, ItemRow> items = handovers.items(id).stream().collect(Collectors.toMap(ItemRow::dossierCode, i -> i));
            for (Outcome o : outcomes) {
                ItemRow item = items.get(o.item().dossierCode());
                switch (o.result()) {
                    case DELIVERED -> receipts.add(o.receipt());
                    case PERMANENT_FAILURE -> {
                        LOG.warn("agency {} refused dossier {} of handover {}: {}", work.agency().code(), item.dossierCode(),
                                work.handover().no(), o.error());
                        if ("PENDING".equals(item.state())) {
                            handovers.itemState(id, item.dossierId(), "FAILED", o.error());
                            counts[1]++;
                        }
                    }
                    case TRY_AGAIN -> {
                        if ("PENDING".equals(item.state())) {
                            handovers.itemState(id, item.dossierId(), "PENDING", o.error());
                            counts[2]++;
                        }
                    }
                }
            }
            counts[0] = acknowledge(h, id, work.handover().no(), work.agency().code(), receipts).newlyDelivered();
            List<ItemRow> pending = handovers.itemsIn(id, "PENDING");
            if (!pending.isEmpty()) {
                String error = pending.get(0).lastError();
                if (!retry.givenUp(Duration.between(work.queuedAt(), now))) {
                    Duration delay = retry.delayAfter(work.attempt(), () -> ThreadLocalRandom.current().nextDouble());
                    outbox.retryLater(work.outboxId(), now.plus(delay), error);
                    handovers.lastError(id, error);
                    LOG.info("handover {}: {} dossiers to send again in {} ms ({})", work.handover().no(), pending.size(),
                            delay.toMillis(), error);
                    return;
                }
                handovers.itemsFromTo(id, "PENDING", "FAILED", "gave up after " + retry.maxAge() + ": " + error);
                counts[1] += pending.size();
            }
            outbox.done(work.outboxId(), now);
            handovers.deliveredIfComplete(id, now);
            List<ItemRow> refused = handovers.itemsIn(id, "FAILED");
            if (!refused.isEmpty()) {
                String error = refused.get(0).lastError();
                handovers.failed(id, now, error);
                for (ItemRow i : refused) {
                    h.attach(EventDAO.class).append(new EventDAO.NewEvent(i.dossierId(), "HANDOVER_FAILED", null, null, now,
                            HANDOVER_ROUTE.username(), null, work.agency().code(), i.lastError(),
                            toJson(Map.of("handoverNo", work.handover().no()))));
                }
                LOG.warn("handover {} to {} is a dead letter: {} dossiers not delivered ({})", work.handover().no(),
                        work.agency().code(), refused.size(), error);
            }
        });
        sent.mark(counts[0]);
        failed.mark(counts[1]);
        retried.mark(counts[2]);
    }

    /** A file-drop package is in the agency's folder: its dossiers wait for the acknowledgement file. */
    public void dropped(Work work) {
        OffsetDateTime now = now();
        jdbi.useTransaction(h -> {
            HandoverDAO handovers = h.attach(HandoverDAO.class);
            handovers.lock(work.handover().id());
            handovers.itemsFromTo(work.handover().id(), "PENDING", "SENT", null);
            handovers.sent(work.handover().id(), now);
            h.attach(OutboxDAO.class).done(work.outboxId(), now);
        });
    }

    /**
     * A file drop that could not be written (full disk, permissions, the server away): try again later.
     * The error kept for supervisors names the innermost cause too: Camel's "Cannot connect to sftp://..."
     * alone does not say whether the login or the server's host key was refused.
     */
    public void dropFailed(Work work, Exception cause) {
        String error = describe(cause);
        settle(work, work.items().stream().map(i -> Outcome.tryAgain(i, error)).toList());
    }

    private static String describe(Exception cause) {
        String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != cause && root.getMessage() != null && !error.contains(root.getMessage())) {
            error += " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return error;
    }

    /** Sends a dead-letter handover again, under the same number (so the same idempotency keys). */
    public HandoverView retry(String no) {
        OffsetDateTime now = now();
        return jdbi.inTransaction(h -> {
            HandoverDAO handovers = h.attach(HandoverDAO.class);
            HandoverRow handover = handovers.findByNo(no).orElseThrow(() -> Problem.notFound("no handover numbered " + no));
            String state = handovers.lock(handover.id());
            if (!"FAILED".equals(state)) {
                throw Problem.conflict("handover " + no + " is " + state + "; only a FAILED handover can be sent again",
                        Map.of("state", state));
            }
            handovers.itemsFromTo(handover.id(), "FAILED", "PENDING", null);
            handovers.resend(handover.id());
            h.attach(OutboxDAO.class).enqueueSend(handover.id(), handover.agencyCode(), now);
            LOG.info("handover {} queued to be sent again", no);
            return view(handovers.find(handover.id()).orElseThrow(), handovers.items(handover.id()));
        });
    }

    /** Handovers newest first, optionally of one state (FAILED: the dead letters) or one agency. */
    public HandoverView.Page list(String state, String agencyCode, Long before, int limit) {
        if (state != null && !Set.of("SENDING", "SENT", "DELIVERED", "FAILED").contains(state)) {
            throw Problem.invalid("state", "must be SENDING, SENT, DELIVERED or FAILED");
        }
        if (limit < 1 || limit > 500) {
            throw Problem.invalid("limit", "must be between 1 and 500");
        }
        List<String> where = new ArrayList<>(List.of("true"));
        if (state != null) {
            where.add("h.state = :state");
        }
        if (agencyCode != null) {
            where.add("h.agency_code = :agency");
        }
        if (before != null) {
            where.add("h.id < :before");
        }
        List<HandoverRow> rows = jdbi.withExtension(HandoverDAO.class,
                dao -> dao.list(String.join(" AND ", where), state, agencyCode, before, limit + 1));
        Long next = rows.size() > limit ? rows.get(limit - 1).id() : null;
        return new HandoverView.Page(rows.stream().limit(limit).map(r -> view(r, List.of())).toList(), next);
    }

    /** One handover with its dossiers; an agency sees only its own. */
    public HandoverView get(User user, String no) {
        return jdbi.withHandle(h -> {
            HandoverDAO dao = h.attach(HandoverDAO.class);
            HandoverRow row = find(dao, user, no);
            return view(row, dao.items(row.id()));
        });
    }

    /** What the handover record PDF prints. */
    public HandoverRecordData recordData(User user, String no) {
        return jdbi.withHandle(h -> {
            HandoverDAO dao = h.attach(HandoverDAO.class);
            HandoverRow row = find(dao, user, no);
            ReferenceData ref = referenceData.get();
            var agency = ref.agency(row.agencyCode()).orElseThrow();
            String province = ref.province(agency.provinceCode()).map(p -> p.name()).orElse("");
            List<HandoverRecordData.Line> lines = dao.items(row.id()).stream().map(i -> new HandoverRecordData.Line(
                    i.dossierCode(), i.s10Number(), ref.procedure(i.procedureCode()).map(p -> p.name()).orElse(i.procedureCode()),
                    i.applicantName(), i.components(), i.files(), i.bytes(), i.complete(),
                    "FAILED".equals(i.state()) ? i.lastError() : null, i.receiptNumber(), i.receivedAt())).toList();
            return new HandoverRecordData(row.no(), row.createdAt(), row.deliveredAt(), row.channel(), row.state(),
                    "Bưu điện " + province, new HandoverRecordData.Agency(agency.code(), agency.name(), agency.address()), lines);
        });
    }

    private static HandoverRow find(HandoverDAO dao, User user, String no) {
        return dao.findByNo(no)
                .filter(r -> user.agencyCode() == null || user.agencyCode().equals(r.agencyCode()))
                .orElseThrow(() -> Problem.notFound("no handover numbered " + no));
    }

    private HandoverView view(HandoverRow r, List<ItemRow> items) {
        String agencyName = referenceData.get().agency(r.agencyCode()).map(a -> a.name()).orElse(null);
        return new HandoverView(r.no(), new HandoverView.Ref(r.agencyCode(), agencyName), r.channel(), r.state(), r.createdAt(),
                r.sentAt(), r.deliveredAt(), r.failedAt(), r.retries(), r.lastError(), r.dossiers(), r.delivered(), r.failed(),
                items.stream().map(i -> new HandoverView.Item(i.dossierCode(), i.s10Number(), i.state(), i.components(), i.files(),
                        i.bytes(), i.complete(), i.receiptNumber(), i.receivedAt(), i.lastError())).toList(),
                "/api/handovers/" + r.no() + "/record.pdf");
    }
}
