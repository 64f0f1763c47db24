package vn.dossierpost.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dossierpost.support.Scans.sha256;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dossierpost.storage.BlobStore.Placement;
import vn.dossierpost.support.S3Server;

/** The S3 store against a real S3-protocol server (S3Proxy on a folder), one fresh bucket per test. */
class S3BlobStoreTest {
    static final S3Server SERVER = S3Server.shared();

    @TempDir
    Path dir;

    String bucket;
    S3BlobStore store;

    @BeforeEach
    void open() throws IOException {
        bucket = SERVER.newBucket("blobs");
        store = storeOn(SERVER.endpoint(), bucket);
    }

    @AfterEach
    void close() {
        store.close();
    }

    S3BlobStore storeOn(URI endpoint, String bucket) throws IOException {
        return S3BlobStore.open(
                new S3BlobStore.Settings(
                        endpoint, bucket, "us-east-1", true, Duration.ofSeconds(2), Duration.ofSeconds(10)),
                dir.resolve("tmp"));
    }

    static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void placesUnderTheHashAsTheFilesystemStoreDoesAndServesRanges() throws Exception {
        byte[] content = bytes(3_000_000, 1);
        StagedBlob staged = store.stage(new ByteArrayInputStream(content), 4_000_000);
        assertThat(staged.localFile().getParent()).isEqualTo(store.stagingDirectory());

        assertThat(store.place(staged)).isEqualTo(Placement.NEW);
        Path object = SERVER.object(bucket, staged.sha256());
        assertThat(Files.readAllBytes(object))
                .as("the object in the bucket's folder")
                .isEqualTo(content);
        assertThat(staging()).isEmpty();
        assertThat(store.size(staged.sha256())).hasValue(content.length);
        assertThat(store.verify(staged.sha256()).ok()).isTrue();

        ByteArrayOutputStream part = new ByteArrayOutputStream();
        store.copy(staged.sha256(), 1_000_000, 5000, part);
        assertThat(part.toByteArray()).isEqualTo(Arrays.copyOfRange(content, 1_000_000, 1_005_000));
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        store.copy(staged.sha256(), 0, content.length, whole);
        assertThat(whole.toByteArray()).isEqualTo(content);

        List<String> all = new ArrayList<>();
        store.forEachBlob(all::add);
        assertThat(all).containsExactly(staged.sha256());
        store.checkReachable();
    }

    @Test
    void identicalContentIsKeptOnceAndADamagedObjectIsFoundAndReplaced() throws Exception {
        byte[] content = bytes(10_000, 2);
        String sha = sha256(content);
        assertThat(store.place(store.stage(new ByteArrayInputStream(content), 20_000)))
                .isEqualTo(Placement.NEW);
        assertThat(store.place(store.stage(new ByteArrayInputStream(content), 20_000)))
                .isEqualTo(Placement.DUPLICATE);
        assertThat(staging()).isEmpty();

        Files.write(SERVER.object(bucket, sha), bytes(10_000, 3));
        Fixity damaged = store.verify(sha);
        assertThat(damaged.status()).isEqualTo(Fixity.Status.CORRUPTED);
        assertThat(damaged.actualSha256()).isNotEqualTo(sha);

        assertThat(store.place(store.stage(new ByteArrayInputStream(content), 20_000)))
                .isEqualTo(Placement.REPAIRED);
        assertThat(store.verify(sha).ok()).isTrue();
        assertThat(Files.readAllBytes(SERVER.object(bucket, sha))).isEqualTo(content);

        store.remove(sha);
        assertThat(SERVER.object(bucket, sha)).doesNotExist();
        assertThat(store.verify(sha).status()).isEqualTo(Fixity.Status.MISSING);
        assertThat(store.size(sha)).isEmpty();
        assertThatThrownBy(() -> store.copy(sha, 0, 10, new ByteArrayOutputStream()))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(BlobStoreUnavailableException.class)
                .hasMessageContaining("is not in");
    }

    @Test
    void onlyAHashMakesAKeyAndOtherObjectsAreNotBlobs() throws Exception {
        for (String bad : List.of("../../etc/passwd", "ABCDEF" + "0".repeat(58), "0".repeat(63), "tmp", "")) {
            assertThatThrownBy(() -> S3BlobStore.keyOf(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        Files.createDirectories(SERVER.bucketFolder(bucket).resolve("notes"));
        Files.writeString(SERVER.bucketFolder(bucket).resolve("notes/readme.txt"), "not a scan");
        List<String> all = new ArrayList<>();
        store.forEachBlob(all::add);
        assertThat(all).isEmpty();
    }

    @Test
    void aMissingBucketOrADeadEndpointIsSaidPlainly() throws Exception {
        try (S3BlobStore noBucket = storeOn(SERVER.endpoint(), "no-such-bucket")) {
            assertThatThrownBy(noBucket::checkReachable)
                    .isInstanceOf(BlobStoreUnavailableException.class)
                    .extracting(e -> ((BlobStoreUnavailableException) e).reason())
                    .isEqualTo("the scan store cannot reach the bucket: the bucket 'no-such-bucket' does not exist");
            StagedBlob staged = noBucket.stage(new ByteArrayInputStream(bytes(100, 4)), 1000);
            assertThatThrownBy(() -> noBucket.place(staged))
                    .isInstanceOf(BlobStoreUnavailableException.class)
                    .hasMessageContaining("does not exist");
            assertThatThrownBy(() -> noBucket.verify(staged.sha256()))
                    .isInstanceOf(BlobStoreUnavailableException.class)
                    .hasMessageContaining("does not exist");
            noBucket.discard(staged);
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (S3BlobStore dead = storeOn(URI.create("http://127.0.0.1:" + closed), bucket)) {
            assertThatThrownBy(dead::checkReachable)
                    .isInstanceOf(BlobStoreUnavailableException.class)
                    .extracting(e -> ((BlobStoreUnavailableException) e).reason())
                    .asString()
                    .startsWith("the scan store cannot reach the bucket: no answer from its endpoint")
                    .doesNotContain("127.0.0.1");
            assertThatThrownBy(() -> dead.copy("a".repeat(64), 0, 1, new ByteArrayOutputStream()))
                    .isInstanceOf(BlobStoreUnavailableException.class)
                    .hasMessageContaining("127.0.0.1:" + closed);
        }
    }

    private List<Path> staging() throws IOException {
        try (Stream<Path> files = Files.list(store.stagingDirectory())) {
            return files.toList();
        }
    }
}
