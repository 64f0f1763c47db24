package vn.dossierpost.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The local folder where uploads are streamed, hashed and flushed before they are placed. Both stores
 * stage here: a scan is checked (its type, a PDF opened) on local disk, whatever keeps it afterwards.
 */
public final class BlobStaging {
    static final int BUFFER = 256 * 1024;
    private static final HexFormat HEX = HexFormat.of();

    private final Path dir;

    public BlobStaging(Path dir) throws IOException {
        this.dir = dir.toAbsolutePath().normalize();
        Files.createDirectories(this.dir);
    }

    public Path directory() {
        return dir;
    }

    /** See {@link BlobStore#stage}. */
    public StagedBlob stage(InputStream content, long maxBytes) throws IOException {
        Path tmp = Files.createTempFile(dir, "upload-", ".part");
        boolean kept = false;
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            var digest = FileSystemBlobStore.sha256();
            byte[] buffer = new byte[BUFFER];
            ByteBuffer view = ByteBuffer.wrap(buffer);
            long total = 0;
            int n;
            while ((n = content.readNBytes(buffer, 0, buffer.length)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new TooLargeException(maxBytes);
                }
                digest.update(buffer, 0, n);
                view.clear().limit(n);
                while (view.hasRemaining()) {
                    channel.write(view);
                }
            }
            channel.force(true);
            kept = true;
            return new StagedBlob(HEX.formatHex(digest.digest()), total, tmp);
        } finally {
            if (!kept) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** See {@link BlobStore#discard}. */
    public void discard(StagedBlob blob) {
        try {
            Files.deleteIfExists(blob.localFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete staged upload " + blob.localFile(), e);
        }
    }

    /** Staging files this old belong to no live upload (each write touches them): a crash left them. */
    public int sweep(Duration olderThan) throws IOException {
        return stale(olderThan, true);
    }

    /** How many staging files are older than {@code olderThan}, without deleting them. */
    public int countStale(Duration olderThan) throws IOException {
        return stale(olderThan, false);
    }

    private int stale(Duration olderThan, boolean delete) throws IOException {
        FileTime cutOff = FileTime.from(Instant.now().minus(olderThan));
        int count = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                if (Files.isRegularFile(p) && Files.getLastModifiedTime(p).compareTo(cutOff) < 0) {
                    count++;
                    if (delete) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
        return count;
    }
}
