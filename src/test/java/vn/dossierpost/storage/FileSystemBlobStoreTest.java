package vn.dossierpost.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dossierpost.support.Scans.sha256;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dossierpost.storage.BlobStore.Placement;

class FileSystemBlobStoreTest {
    @TempDir
    Path dir;

    FileSystemBlobStore store;

    @BeforeEach
    void open() throws IOException {
        store = new FileSystemBlobStore(dir.resolve("files"));
    }

    static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void stagesHashesAndPlacesUnderTheHash() throws Exception {
        byte[] content = bytes(1_000_000, 1);
        StagedBlob staged = store.stage(new ByteArrayInputStream(content), 2_000_000);
        assertThat(staged.sha256()).isEqualTo(sha256(content));
        assertThat(staged.size()).isEqualTo(content.length);
        assertThat(staged.localFile().getParent()).isEqualTo(store.stagingDirectory());

        assertThat(store.place(staged)).isEqualTo(Placement.NEW);
        Path blob = store.pathOf(staged.sha256());
        assertThat(blob)
                .isEqualTo(dir.resolve("files")
                        .resolve(staged.sha256().substring(0, 2))
                        .resolve(staged.sha256().substring(2, 4))
                        .resolve(staged.sha256()));
        assertThat(Files.readAllBytes(blob)).isEqualTo(content);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(blob)))
                .isEqualTo("r--r-----");
        assertThat(staging()).isEmpty();
        assertThat(store.size(staged.sha256())).hasValue(content.length);
        assertThat(store.verify(staged.sha256()).ok()).isTrue();

        ByteArrayOutputStream part = new ByteArrayOutputStream();
        store.copy(staged.sha256(), 1000, 5000, part);
        assertThat(part.toByteArray()).isEqualTo(java.util.Arrays.copyOfRange(content, 1000, 6000));
        List<String> all = new ArrayList<>();
        store.forEachBlob(all::add);
        assertThat(all).containsExactly(staged.sha256());
    }

    @Test
    void identicalContentIsKeptOnceAndADamagedCopyIsReplaced() throws Exception {
        byte[] content = bytes(10_000, 2);
        assertThat(store.place(store.stage(new ByteArrayInputStream(content), 20_000)))
                .isEqualTo(Placement.NEW);
        assertThat(store.place(store.stage(new ByteArrayInputStream(content), 20_000)))
                .isEqualTo(Placement.DUPLICATE);
        assertThat(staging()).isEmpty();

        Path blob = store.pathOf(sha256(content));
        blob.toFile().setWritable(true);
        Files.write(blob, bytes(10_000, 3));
        Fixity damaged = store.verify(sha256(content));
        assertThat(damaged.status()).isEqualTo(Fixity.Status.CORRUPTED);
        assertThat(damaged.actualSha256()).isNotEqualTo(sha256(content));

        assertThat(store.place(store.stage(new ByteArrayInputStream(content), 20_000)))
                .isEqualTo(Placement.REPAIRED);
        assertThat(store.verify(sha256(content)).ok()).isTrue();

        Files.delete(blob);
        assertThat(store.verify(sha256(content)).status()).isEqualTo(Fixity.Status.MISSING);
        assertThat(store.size(sha256(content))).isEmpty();
    }

    @Test
    void pastTheLimitOrOnAReadErrorNothingIsLeft() throws Exception {
        assertThatThrownBy(() -> store.stage(new ByteArrayInputStream(bytes(300_000, 4)), 299_999))
                .isInstanceOf(TooLargeException.class);
        assertThat(staging()).isEmpty();
        InputStream failing = new InputStream() {
            int n;

            @Override
            public int read() throws IOException {
                if (++n > 100_000) {
                    throw new IOException("connection reset");
                }
                return 7;
            }
        };
        assertThatThrownBy(() -> store.stage(failing, 1_000_000)).hasMessage("connection reset");
        assertThat(staging()).isEmpty();

        StagedBlob discarded = store.stage(new ByteArrayInputStream(bytes(100, 5)), 1000);
        store.discard(discarded);
        assertThat(staging()).isEmpty();
    }

    @Test
    void onlyAHashMakesAPath() {
        for (String bad : List.of("../../etc/passwd", "ABCDEF" + "0".repeat(58), "0".repeat(63), "tmp", "")) {
            assertThatThrownBy(() -> store.pathOf(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void sweepsOnlyStaleStagingFiles() throws Exception {
        Path stale = Files.createFile(store.stagingDirectory().resolve("upload-old.part"));
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path live = Files.createFile(store.stagingDirectory().resolve("upload-live.part"));
        assertThat(store.countStaleStaging(Duration.ofHours(1))).isEqualTo(1);
        assertThat(store.sweepStaging(Duration.ofHours(1))).isEqualTo(1);
        assertThat(stale).doesNotExist();
        assertThat(live).exists();
    }

    private List<Path> staging() throws IOException {
        try (Stream<Path> files = Files.list(store.stagingDirectory())) {
            return files.toList();
        }
    }
}
