package vn.dossierpost.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Blobs as files under {@code root/ab/cd/<sha256>}, staged in {@code root/tmp}. A blob is written to
 * a temporary file with a random name, flushed ({@code fsync}), made read-only and renamed into place
 * (rename is atomic, and the directory is flushed too), so a crash leaves either the whole blob or
 * only a stray temporary file, which {@link #sweepStaging} removes.
 * Uploads are staged in {@code root/tmp} (see {@link BlobStaging}). The name a client gave a file is
 * never used on disk: only the hash, checked to be 64 hex digits, makes a path.
 */
public final class FileSystemBlobStore implements BlobStore {
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");
    private static final int BUFFER = BlobStaging.BUFFER;
    private static final HexFormat HEX = HexFormat.of();

    private final Path root;
    private final BlobStaging staging;

    public FileSystemBlobStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.staging = new BlobStaging(this.root.resolve("tmp"));
    }

    public Path root() {
        return root;
    }

    public Path stagingDirectory() {
        return staging.directory();
    }

    /** Where the blob with this hash lives; refuses anything but a SHA-256 in lower-case hex. */
    public Path pathOf(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 in lower-case hex: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }

    @Override
    public StagedBlob stage(InputStream content, long maxBytes) throws IOException {
        return staging.stage(content, maxBytes);
    }

    @Override
    public Placement place(StagedBlob blob) throws IOException {
        Path target = pathOf(blob.sha256());
        Placement placement = Placement.NEW;
        if (Files.exists(target)) {
            if (blob.sha256().equals(hash(target))) {
                Files.deleteIfExists(blob.localFile());
                return Placement.DUPLICATE;
            }
            placement = Placement.REPAIRED; // the rename below replaces the damaged copy
        }
        ensureDirectory(target.getParent());
        readOnly(blob.localFile());
        Files.move(blob.localFile(), target, StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(target.getParent());
        return placement;
    }

    @Override
    public void discard(StagedBlob blob) {
        staging.discard(blob);
    }

    @Override
    public void remove(String sha256) throws IOException {
        Path target = pathOf(sha256);
        if (Files.deleteIfExists(target)) {
            fsyncDirectory(target.getParent());
        }
    }

    @Override
    public OptionalLong size(String sha256) throws IOException {
        try {
            return OptionalLong.of(Files.size(pathOf(sha256)));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public Fixity verify(String sha256) throws IOException {
        Path path = pathOf(sha256);
        try {
            long size = Files.size(path);
            String actual = hash(path);
            return actual.equals(sha256) ? Fixity.ok(sha256, size) : Fixity.corrupted(sha256, actual, size);
        } catch (NoSuchFileException e) {
            return Fixity.missing(sha256);
        }
    }

    @Override
    public void copy(String sha256, long offset, long length, OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(pathOf(sha256), StandardOpenOption.READ)) {
            byte[] buffer = new byte[(int) Math.min(BUFFER, Math.max(length, 1))];
            ByteBuffer view = ByteBuffer.wrap(buffer);
            long position = offset;
            long end = offset + length;
            while (position < end) {
                view.clear().limit((int) Math.min(buffer.length, end - position));
                int n = channel.read(view, position);
                if (n < 0) {
                    throw new IOException("blob " + sha256 + " ended at " + position + " of " + end + " bytes");
                }
                out.write(buffer, 0, n);
                position += n;
            }
        }
    }

    @Override
    public void forEachBlob(Consumer<String> action) throws IOException {
        try (Stream<Path> files = Files.walk(root, 3)) {
            files.filter(p -> p.getNameCount() == root.getNameCount() + 3)
                    .filter(p -> SHA256.matcher(p.getFileName().toString()).matches())
                    .filter(p -> p.equals(pathOf(p.getFileName().toString())))
                    .filter(Files::isRegularFile)
                    .forEach(p -> action.accept(p.getFileName().toString()));
        }
    }

    @Override
    public int sweepStaging(Duration olderThan) throws IOException {
        return staging.sweep(olderThan);
    }

    @Override
    public int countStaleStaging(Duration olderThan) throws IOException {
        return staging.countStale(olderThan);
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public void checkReachable() throws BlobStoreUnavailableException {
        if (!Files.isDirectory(root) || !Files.isWritable(root)) {
            throw new BlobStoreUnavailableException(
                    "the scan folder is not a writable folder (is its disk mounted?)", root.toString(), null);
        }
    }

    /** The SHA-256 of a file's content, in lower-case hex. */
    public static String hash(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
        }
        return HEX.formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Creates missing levels of {@code dir}, flushing each new entry's parent so the entry survives a crash. */
    private void ensureDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        ensureDirectory(dir.getParent());
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            return; // created meanwhile by another upload
        }
        fsyncDirectory(dir.getParent());
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void readOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r-----"));
        }
    }
}
