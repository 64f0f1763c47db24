package vn.dossierpost.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** What is on disk under a test's dataDir/files: staged uploads and stored blobs. */
public final class StoreFiles {
    private final Path root;

    public StoreFiles(Path dataDir) {
        this.root = dataDir.resolve("files");
    }

    public Path root() {
        return root;
    }

    public Path blob(String sha256) {
        return root.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }

    public List<Path> staging() {
        return list(root.resolve("tmp"), 1);
    }

    /** Every regular file outside tmp/. */
    public List<Path> blobs() {
        return list(root, 10).stream()
                .filter(p -> !p.startsWith(root.resolve("tmp")))
                .toList();
    }

    /** Every regular file under {@code dir}, down to {@code depth} levels. */
    private static List<Path> list(Path dir, int depth) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir, depth)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Overwrites a few bytes in the middle of a stored blob, as bit rot or a stray write would. */
    public void corrupt(String sha256) throws IOException {
        Path blob = blob(sha256);
        blob.toFile().setWritable(true);
        byte[] bytes = Files.readAllBytes(blob);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(blob, bytes);
    }

    /** Waits up to {@code timeout} for the condition; returns whether it held. */
    public static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
