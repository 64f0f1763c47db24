package vn.dossierpost.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Where scans live, addressed by their SHA-256: the one seam between the services and the bytes.
 * {@link FileSystemBlobStore} serves one node; {@link S3BlobStore} keeps them in an S3-compatible
 * bucket that several nodes share (staging stays on each node's local disk, where the upload is
 * hashed and checked, and {@link #place} becomes the object upload), so no caller changes.
 *
 * <p>An upload is staged first (streamed to a temporary file, hashed on the way, flushed to disk),
 * checked, and only then placed under its hash; a staged blob that is not placed is discarded, so a
 * refused or broken upload leaves nothing behind.
 *
 * <p>A store that cannot be reached (a bucket missing, an endpoint down, credentials refused) throws
 * {@link BlobStoreUnavailableException}, an {@link IOException}: senders try again later, the API
 * answers 503.
 */
public interface BlobStore {

    /**
     * Streams {@code content} to a staging file, hashing it on the way, and flushes it to disk.
     * Past {@code maxBytes} it deletes what it wrote and throws {@link TooLargeException}; on any
     * other failure it deletes what it wrote too.
     */
    StagedBlob stage(InputStream content, long maxBytes) throws IOException;

    /** Makes a staged blob permanent under its SHA-256; identical content is kept once. */
    Placement place(StagedBlob blob) throws IOException;

    /** Deletes a staged blob that will not be placed; does nothing once it is placed or gone. */
    void discard(StagedBlob blob);

    /**
     * Deletes a blob that no row references: one that {@link #place} just stored as
     * {@link Placement#NEW} when the transaction that was to reference it failed, or one whose last
     * scan the retention purge removed. The caller must hold the blob's lock (service/BlobLocks).
     */
    void remove(String sha256) throws IOException;

    /** The stored blob's size, or empty when there is no such blob. */
    OptionalLong size(String sha256) throws IOException;

    /** Reads the whole blob again and compares its hash with its address. */
    Fixity verify(String sha256) throws IOException;

    /** Writes {@code length} bytes of the blob, from {@code offset}, to {@code out}. */
    void copy(String sha256, long offset, long length, OutputStream out) throws IOException;

    /** Calls {@code action} with the SHA-256 of every stored blob. */
    void forEachBlob(Consumer<String> action) throws IOException;

    /** Deletes staging files untouched for {@code olderThan} (left by a crash); returns how many. */
    int sweepStaging(Duration olderThan) throws IOException;

    /** How many staging files are untouched for {@code olderThan}, without deleting them. */
    int countStaleStaging(Duration olderThan) throws IOException;

    /** Where the blobs are, for reports and messages (a folder, or a bucket at an endpoint). */
    String location();

    /** Returns when the store can be written and read now; otherwise says why, for the health check. */
    void checkReachable() throws BlobStoreUnavailableException;

    /** What {@link #place} did. */
    enum Placement {
        /** The content was not stored before; it is now. */
        NEW,
        /** The same content was already stored and intact; the staged copy was dropped. */
        DUPLICATE,
        /** The same content was stored but damaged; the staged copy replaced it. */
        REPAIRED
    }
}
