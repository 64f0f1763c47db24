package vn.dossierpost.service;

import org.jdbi.v3.core.Handle;

/**
 * The transaction-scoped PostgreSQL advisory lock on a blob's hash. Whoever places a blob and then
 * references it (an upload) or removes a blob no row references any more (a failed upload, the
 * retention purge) holds it, so a blob is never removed under a row about to use it.
 */
public final class BlobLocks {
    /** A namespace for these locks (the first key of pg_advisory_xact_lock(int, int)). */
    private static final int SPACE = 0x5CA7;

    private BlobLocks() {}

    /** Waits for and takes the lock until the handle's transaction ends. */
    public static void lock(Handle h, String sha256) {
        h.createQuery("SELECT 1 FROM pg_advisory_xact_lock(:space, :key)")
                .bind("space", SPACE)
                .bind("key", (int) Long.parseLong(sha256.substring(0, 8), 16))
                .mapTo(Integer.class)
                .one();
    }
}
