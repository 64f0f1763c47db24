package vn.dossierpost.integration;

import java.io.File;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dossierpost.service.handover.InboxClaimStore;

/**
 * The read lock of agency-inbox.yaml ({@code readLock: idempotent}), so that nodes sharing an inbox
 * folder (NFS, one SFTP landing folder) apply each file once: before a node reads a file, Camel adds
 * the file's key ({@code idempotentKey}: the agency's folder, the file's name, last modified time and
 * length) here, and only the node
 * whose claim row counts ({@link InboxClaimStore}) reads it. Camel calls {@link #confirm} once the file
 * has moved to .done/ or .failed/ (the claim stays, so a node that listed the file before the move
 * cannot claim it again), and {@link #remove} when the exchange rolled back (the database away: the file
 * stays in the inbox, and the next poll of any node may claim it).
 *
 * <p>A file another node moved between this node's listing and its claim is not read: it would only
 * fail to be found and be reported in .failed/. A claim that cannot be written (the database away)
 * reads nothing either; the file waits in the inbox, shown by the health check like the others.
 */
public final class InboxClaims implements IdempotentRepository {
    /** The registry name agency-inbox.yaml refers to. */
    public static final String BEAN = "inboxClaims";

    private static final Logger LOG = LoggerFactory.getLogger("vn.dossierpost.integration.inbox");

    private final InboxClaimStore store;
    private final InboxWaiting waiting;

    public InboxClaims(InboxClaimStore store, InboxWaiting waiting) {
        this.store = store;
        this.waiting = waiting;
    }

    @Override
    public boolean add(Exchange exchange, String key) {
        File file = fileOf(exchange);
        boolean claimed;
        try {
            claimed = store.claim(key);
        } catch (RuntimeException e) {
            LOG.warn("inbox file {} left for the next poll: it could not be claimed: {}", key, e.getMessage());
            String agency = agencyOf(exchange);
            if (file != null && agency != null) {
                waiting.left(agency, file.getAbsolutePath());
            }
            return false;
        }
        if (claimed && file != null && !file.exists()) {
            // applied and moved by the node whose claim this one took over: nothing left to read
            LOG.debug("inbox file {} claimed but already moved away by another node", key);
            return false;
        }
        return claimed;
    }

    @Override
    public boolean add(String key) {
        return add(null, key);
    }

    @Override
    public boolean contains(String key) {
        return store.held(key);
    }

    /** Releases this node's claim only: one another node took over meanwhile stays its. */
    @Override
    public boolean remove(String key) {
        return store.release(key);
    }

    /** The file has moved: the claim is kept as it is, and deleted with the old claims after a day. */
    @Override
    public boolean confirm(String key) {
        return true;
    }

    /** Releases all of this node's claims (Camel's management "clear"), never another node's. */
    @Override
    public void clear() {
        store.releaseAll();
    }

    @Override
    public void start() {
        // nothing to start: each call is one statement on the shared connection pool
    }

    @Override
    public void stop() {
        // the claims outlive the node on purpose: the files of a node that stopped mid-file are taken over
    }

    private static File fileOf(Exchange exchange) {
        if (exchange != null
                && exchange.getIn().getBody() instanceof GenericFile<?> g
                && g.getFile() instanceof File f) {
            return f;
        }
        return null;
    }

    /** The agency whose inbox route read the file (route id "inbox-<code>", AgencyRoutes). */
    private static String agencyOf(Exchange exchange) {
        String route = exchange == null ? null : exchange.getFromRouteId();
        String prefix = AgencyRoutes.inboxRouteId("");
        return route != null && route.startsWith(prefix) ? route.substring(prefix.length()) : null;
    }
}
