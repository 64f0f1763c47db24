package vn.dossierpost.service.handover;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dossierpost.api.HandoverView;
import vn.dossierpost.api.agency.AgencyReceipt;
import vn.dossierpost.api.agency.DossierManifest;
import vn.dossierpost.db.AgencyDAO;
import vn.dossierpost.db.HandoverDAO;
import vn.dossierpost.db.HandoverDAO.HandoverRow;
import vn.dossierpost.db.HandoverDAO.ItemRow;
import vn.dossierpost.db.OutboxDAO;
import vn.dossierpost.domain.Actor;
import vn.dossierpost.domain.AgencyChannel;
import vn.dossierpost.domain.HandoverItemState;
import vn.dossierpost.domain.HandoverState;
import vn.dossierpost.domain.TimelineEvent;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.JsonText;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.RetryPolicy;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.dossier.DossierService;

/**
 * Handing dossiers over to their agencies, as database transactions; the routes in routes/ call
 * these methods and do the talking. The steps:
 * <ol>
 * <li>{@link #batch} ({@link HandoverBatches}): queued dossiers of one agency become a numbered handover, move to
 *     IN_TRANSIT_TO_AGENCY, and the handover is queued for sending — all in one transaction that
 *     locks the queue rows with SKIP LOCKED, so two nodes never put a dossier in two handovers.</li>
 * <li>{@link #claim}: a sender leases handovers due for sending (the lease frees them again if the
 *     sender dies mid-way; the same handover number then goes out again, and the agency's
 *     idempotency on it makes the resend harmless).</li>
 * <li>{@link #settle} with the agency's answers: each receipt acknowledged through
 *     {@link HandoverAcknowledgements} (as acknowledgement files are), then the handover
 *     done, tried again later with backoff, or a dead letter past the retry age or after a
 *     permanent refusal.</li>
 * </ol>
 */
public final class HandoverService {
    private static final Logger LOG = LoggerFactory.getLogger(HandoverService.class);
    private static final Actor HANDOVER_ROUTE = Actor.system("handover");

    private final Jdbi jdbi;
    private final ReferenceDataCache referenceData;
    private final DossierService dossiers;
    private final HandoverAcknowledgements acknowledgements;
    private final ObjectMapper json;
    private final HandoverBatches batches;
    private final RetryPolicy retry;
    private final Duration lease;
    private final Meter sent;
    private final Meter retried;
    private final Meter failed;

    public HandoverService(
            Jdbi jdbi,
            ReferenceDataCache referenceData,
            DossierService dossiers,
            HandoverBatches batches,
            HandoverAcknowledgements acknowledgements,
            ObjectMapper json,
            RetryPolicy retry,
            Duration lease,
            MetricRegistry metrics) {
        this.jdbi = jdbi;
        this.referenceData = referenceData;
        this.dossiers = dossiers;
        this.acknowledgements = acknowledgements;
        this.json = json;
        this.batches = batches;
        this.retry = retry;
        this.lease = lease;
        this.sent = metrics.meter("handover.dossiers.delivered");
        this.retried = metrics.meter("handover.dossiers.retried");
        this.failed = metrics.meter("handover.dossiers.failed");
    }

    private OffsetDateTime now() {
        return dossiers.changes().now();
    }

    /** Puts the agency's queued dossiers into handovers (called by routes/handover-batch.yaml); see {@link HandoverBatches}. */
    public int batch(String agencyCode) {
        return batches.batch(agencyCode);
    }

    /** Leases the agency's handovers that are due for sending, with their dossiers still to send. */
    public List<HandoverWork> claim(String agencyCode, int limit) {
        OffsetDateTime now = now();
        return jdbi.inTransaction(h -> {
            List<OutboxDAO.Claimed> claimed = h.attach(OutboxDAO.class)
                    .claimFor(OutboxDAO.HANDOVER_SEND, agencyCode, now, now.plus(lease), limit);
            if (claimed.isEmpty()) {
                return List.of();
            }
            AgencyChannel agency = h.attach(AgencyDAO.class).channel(agencyCode).orElseThrow();
            HandoverDAO handovers = h.attach(HandoverDAO.class);
            List<HandoverWork> work = new ArrayList<>();
            for (OutboxDAO.Claimed c : claimed) {
                HandoverRow handover = handovers.find(c.handoverId()).orElseThrow();
                List<HandoverItem> items = new ArrayList<>();
                for (ItemRow i : handovers.itemsIn(handover.id(), HandoverItemState.PENDING)) {
                    byte[] bytes = i.manifest().getBytes(StandardCharsets.UTF_8);
                    items.add(new HandoverItem(
                            handover.id(), handover.no(), i.dossierCode(), bytes, readManifest(bytes), agency));
                }
                work.add(new HandoverWork(
                        c.id(),
                        c.attempts(),
                        c.createdAt(),
                        handover.id(),
                        handover.no(),
                        handover.createdAt(),
                        agency,
                        items));
            }
            return work;
        });
    }

    /**
     * Renews the lease on a claimed handover just before it is sent (a pass may claim several, and
     * the later ones wait for the earlier); false when another sender has taken it meanwhile, which
     * then sends it instead.
     */
    public boolean holdLease(HandoverWork work) {
        return jdbi.withExtension(OutboxDAO.class, dao -> dao.renew(work.outboxId(), work.attempt(), now().plus(lease)))
                == 1;
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

    /**
     * After a send attempt, in one transaction: what the agency answered for each dossier (receipts
     * recorded, refusals marked), then the handover's fate: nothing left to send ends its outbox row
     * (a refused dossier makes it a dead letter); something left is tried again after a backoff, or
     * given up as a dead letter once the handover has waited longer than the retry age. Recording the
     * answers of a whole handover at once costs one commit instead of one per dossier; a crash before
     * it only means the same dossiers are sent again under the same keys.
     * <p>
     * Fenced: a sender whose lease ran out and whose handover another sender claimed since settles
     * nothing (the other sender's settlement is the one that stands; the agency's idempotency on the
     * handover's keys makes the two sends one).
     */
    public void settle(HandoverWork work, List<SendOutcome> outcomes) {
        Counts counts = jdbi.inTransaction(h -> {
            if (!stillHeld(h, work, "settled")) {
                return new Counts(0, 0, 0);
            }
            h.attach(HandoverDAO.class).lock(work.handoverId());
            Counts answered = recordAnswers(h, work, outcomes);
            return retryLater(h, work) ? answered : answered.plusFailed(finish(h, work));
        });
        sent.mark(counts.delivered());
        failed.mark(counts.failed());
        retried.mark(counts.retried());
    }

    /** Locks the handover's outbox row if this sender's claim still holds it; says so at WARN when not. */
    private static boolean stillHeld(Handle h, HandoverWork work, String what) {
        if (h.attach(OutboxDAO.class)
                .lockIfHeld(work.outboxId(), work.attempt())
                .isPresent()) {
            return true;
        }
        LOG.warn(
                "handover {} not {} by attempt {}: it no longer holds the handover (its lease ran out and "
                        + "another sender claimed it, or it is done)",
                work.handoverNo(),
                what,
                work.attempt());
        return false;
    }

    /** Dossiers newly delivered, refused or given up, and to be sent again, by one settlement. */
    private record Counts(int delivered, int failed, int retried) {
        Counts plusFailed(int more) {
            return new Counts(delivered, failed + more, retried);
        }
    }

    /** The agency's answer for each dossier: receipts acknowledged, refusals and errors kept on the items still pending. */
    private Counts recordAnswers(Handle h, HandoverWork work, List<SendOutcome> outcomes) {
        HandoverDAO handovers = h.attach(HandoverDAO.class);
        long id = work.handoverId();
        Map<String, ItemRow> items =
                handovers.items(id).stream().collect(Collectors.toMap(ItemRow::dossierCode, i -> i));
        List<AgencyReceipt> receipts = new ArrayList<>();
        int failed = 0;
        int retried = 0;
        for (SendOutcome o : outcomes) {
            ItemRow item = items.get(o.item().dossierCode());
            if (o.result() == SendOutcome.Result.DELIVERED) {
                receipts.add(o.receipt());
                continue;
            }
            if (o.result() == SendOutcome.Result.PERMANENT_FAILURE) {
                LOG.warn(
                        "agency {} refused dossier {} of handover {}: {}",
                        work.agency().code(),
                        item.dossierCode(),
                        work.handoverNo(),
                        o.error());
            }
            if (item.state() == HandoverItemState.PENDING) {
                boolean refused = o.result() == SendOutcome.Result.PERMANENT_FAILURE;
                handovers.itemState(
                        id,
                        item.dossierId(),
                        refused ? HandoverItemState.FAILED : HandoverItemState.PENDING,
                        o.error());
                failed += refused ? 1 : 0;
                retried += refused ? 0 : 1;
            }
        }
        int delivered = acknowledgements
                .acknowledge(h, id, work.handoverNo(), work.agency().code(), receipts)
                .newlyDelivered();
        return new Counts(delivered, failed, retried);
    }

    /** Dossiers left to send go again after a backoff, unless the handover has waited past the retry age. */
    private boolean retryLater(Handle h, HandoverWork work) {
        HandoverDAO handovers = h.attach(HandoverDAO.class);
        List<ItemRow> pending = handovers.itemsIn(work.handoverId(), HandoverItemState.PENDING);
        OffsetDateTime now = now();
        if (pending.isEmpty() || retry.givenUp(Duration.between(work.queuedAt(), now))) {
            return false;
        }
        String error = pending.get(0).lastError();
        Duration delay = retry.delayAfter(
                work.attempt(), () -> ThreadLocalRandom.current().nextDouble());
        h.attach(OutboxDAO.class).retryLater(work.outboxId(), work.attempt(), now.plus(delay), error);
        handovers.lastError(work.handoverId(), error);
        LOG.info(
                "handover {}: {} dossiers to send again in {} ms ({})",
                work.handoverNo(),
                pending.size(),
                delay.toMillis(),
                error);
        return true;
    }

    /**
     * Nothing more to send: what is still pending is given up, the outbox row ends, and the handover
     * is delivered or, with a dossier refused or given up, a dead letter on each such dossier's
     * timeline. Returns how many dossiers were given up here.
     */
    private int finish(Handle h, HandoverWork work) {
        HandoverDAO handovers = h.attach(HandoverDAO.class);
        long id = work.handoverId();
        OffsetDateTime now = now();
        List<ItemRow> pending = handovers.itemsIn(id, HandoverItemState.PENDING);
        if (!pending.isEmpty()) {
            handovers.itemsFromTo(
                    id,
                    HandoverItemState.PENDING,
                    HandoverItemState.FAILED,
                    "gave up after " + retry.maxAge() + ": " + pending.get(0).lastError());
        }
        h.attach(OutboxDAO.class).done(work.outboxId(), work.attempt(), now);
        handovers.deliveredIfComplete(id, now);
        List<ItemRow> refused = handovers.itemsIn(id, HandoverItemState.FAILED);
        if (!refused.isEmpty()) {
            String error = refused.get(0).lastError();
            handovers.failed(id, now, error);
            Actor route = new Actor(HANDOVER_ROUTE.name(), null, work.agency().code());
            for (ItemRow i : refused) {
                dossiers.changes()
                        .record(
                                h,
                                route,
                                i.dossierId(),
                                TimelineEvent.HANDOVER_FAILED,
                                i.lastError(),
                                toJson(Map.of("handoverNo", work.handoverNo())));
            }
            LOG.warn(
                    "handover {} to {} is a dead letter: {} dossiers not delivered ({})",
                    work.handoverNo(),
                    work.agency().code(),
                    refused.size(),
                    error);
        }
        return pending.size();
    }

    /** A file-drop package is in the agency's folder: its dossiers wait for the acknowledgement file. */
    public void dropped(HandoverWork work) {
        OffsetDateTime now = now();
        jdbi.useTransaction(h -> {
            if (!stillHeld(h, work, "recorded as dropped")) {
                return;
            }
            HandoverDAO handovers = h.attach(HandoverDAO.class);
            handovers.lock(work.handoverId());
            handovers.itemsFromTo(work.handoverId(), HandoverItemState.PENDING, HandoverItemState.SENT, null);
            handovers.sent(work.handoverId(), now);
            h.attach(OutboxDAO.class).done(work.outboxId(), work.attempt(), now);
        });
    }

    /**
     * A file drop that could not be written (full disk, permissions, the server away): try again later.
     * The error kept for supervisors names the innermost cause too: Camel's "Cannot connect to sftp://..."
     * alone does not say whether the login or the server's host key was refused.
     */
    public void dropFailed(HandoverWork work, Exception cause) {
        String error = describe(cause);
        settle(
                work,
                work.items().stream().map(i -> SendOutcome.tryAgain(i, error)).toList());
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
    public HandoverView retry(User user, String no) {
        HandoverQueries.checkNational(user);
        OffsetDateTime now = now();
        return jdbi.inTransaction(h -> {
            HandoverDAO handovers = h.attach(HandoverDAO.class);
            HandoverRow handover =
                    handovers.findByNo(no).orElseThrow(() -> Problem.notFound("no handover numbered " + no));
            HandoverState state = handovers.lock(handover.id());
            // a package left in a folder and never acknowledged may have been lost there: the same package again
            boolean unacknowledged =
                    state == HandoverState.SENT && handover.channel().dropsFiles();
            if (state != HandoverState.FAILED && !unacknowledged) {
                throw Problem.conflict(
                        "handover " + no + " is " + state
                                + "; only a FAILED handover, or a file-drop or SFTP one not acknowledged, can be sent again",
                        Map.of("state", state.name()));
            }
            handovers.itemsFromTo(handover.id(), HandoverItemState.FAILED, HandoverItemState.PENDING, null);
            handovers.itemsFromTo(handover.id(), HandoverItemState.SENT, HandoverItemState.PENDING, null);
            handovers.resend(handover.id());
            h.attach(OutboxDAO.class).enqueueSend(handover.id(), handover.agencyCode(), now);
            LOG.info("handover {} queued to be sent again", no);
            return HandoverQueries.view(
                    referenceData, handovers.find(handover.id()).orElseThrow(), handovers.items(handover.id()));
        });
    }
}
