package vn.dossierpost.service.handover;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.db.InboxClaimDAO;

/**
 * This node's claims on agency inbox files, for nodes that share an inbox folder: a file is applied
 * only by the node whose claim on it counts ({@link InboxClaimDAO}). A claim is not renewed while the
 * file is applied, so {@code timeout} must be well above the time one file takes; once it has passed,
 * another node may take the claim over (the node that held it is taken for dead). Claims older than a
 * day are deleted now and then by the node that happens to be claiming.
 */
public final class InboxClaimStore {
    /** How long a claim is kept at all: far longer than any timeout, long past its file having moved. */
    static final Duration KEPT_FOR = Duration.ofDays(1);
    /** Old claims are swept at most this often (each node on its own). */
    private static final long SWEEP_EVERY_NANOS = Duration.ofHours(1).toNanos();

    private final Jdbi jdbi;
    private final String node;
    private final double timeoutSeconds;
    private final AtomicLong nextSweep = new AtomicLong(System.nanoTime());

    public InboxClaimStore(Jdbi jdbi, String node, Duration timeout) {
        this.jdbi = jdbi;
        this.node = node;
        this.timeoutSeconds = timeout.toMillis() / 1000.0;
    }

    /** A name for this node unique to this run: the host's name and a random part (two nodes may share a host). */
    public static String newNodeId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "node");
        return host + "-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    public String node() {
        return node;
    }

    /** True when this node now holds the claim on {@code key} (new, or taken over from a dead node). */
    public boolean claim(String key) {
        sweepNowAndThen();
        return jdbi.withExtension(InboxClaimDAO.class, dao -> dao.claim(key, node, timeoutSeconds))
                .isPresent();
    }

    /** Whether a live claim (of any node) holds the key. */
    public boolean held(String key) {
        return jdbi.withExtension(InboxClaimDAO.class, dao -> dao.held(key, timeoutSeconds));
    }

    /** Gives up this node's claim on the key (the file is left for the next poll of any node). */
    public boolean release(String key) {
        return jdbi.withExtension(InboxClaimDAO.class, dao -> dao.release(key, node)) > 0;
    }

    /** Gives up all of this node's claims. */
    public void releaseAll() {
        jdbi.useExtension(InboxClaimDAO.class, dao -> dao.releaseAll(node));
    }

    private void sweepNowAndThen() {
        long due = nextSweep.get();
        if (System.nanoTime() - due >= 0 && nextSweep.compareAndSet(due, System.nanoTime() + SWEEP_EVERY_NANOS)) {
            jdbi.useExtension(InboxClaimDAO.class, dao -> dao.forgetOlderThan(KEPT_FOR.toSeconds()));
        }
    }
}
