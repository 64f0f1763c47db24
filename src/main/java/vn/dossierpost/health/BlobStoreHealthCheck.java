package vn.dossierpost.health;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dossierpost.storage.BlobStore;
import vn.dossierpost.storage.BlobStoreUnavailableException;

/**
 * Unhealthy while the scan store cannot be reached (a bucket missing, an endpoint down, credentials
 * refused, the scan folder gone): uploads and downloads of scans fail until it is back. The message
 * says which without naming hosts or folders; the log has where.
 */
public final class BlobStoreHealthCheck extends GuardedHealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(BlobStoreHealthCheck.class);
    private final BlobStore store;

    public BlobStoreHealthCheck(BlobStore store) {
        this.store = store;
    }

    @Override
    protected Result checkOrThrow() {
        try {
            store.checkReachable();
            return Result.healthy();
        } catch (BlobStoreUnavailableException e) {
            LOG.warn("scan store unavailable: {}", e.getMessage());
            return Result.unhealthy(e.reason() + "; scans can be neither stored nor read (details in the log)");
        }
    }
}
