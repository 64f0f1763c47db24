package vn.dossierpost.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.cli.FixityRuns;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Multipart;
import vn.dossierpost.support.S3Server;
import vn.dossierpost.support.Scans;
import vn.dossierpost.support.StoreFiles;
import vn.dossierpost.support.TestApp;

/**
 * Two service nodes with data directories of their own on one database and one S3 bucket (S3Proxy
 * on a folder): a scan taken in on one node is an object in the bucket, served whole and by range by
 * the other, checked by the fixity command, and a damaged object is caught. A third node pointed at a
 * bucket that does not exist says so on its health check and answers 503, not a 500.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class S3ScansAcrossNodesTest {
    static final S3Server S3 = S3Server.shared();
    static final String BUCKET = S3.newBucket("scans");
    static final Path DATA_A = TestApp.newDataDir();
    static final Path DATA_B = TestApp.newDataDir();
    static final TestApp NODE_A = new TestApp(s3(BUCKET, DATA_A));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT_A = NODE_A.extension();
    static final TestApp NODE_B = TestApp.sharingDatabaseWith(NODE_A, s3(BUCKET, DATA_B));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT_B = NODE_B.extension();
    static final TestApp NO_BUCKET = TestApp.sharingDatabaseWith(NODE_A, s3("no-such-bucket", TestApp.newDataDir()));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT_NO_BUCKET = NO_BUCKET.extension();
    static final String CLERK = "clerk.hn";

    static ConfigOverride[] s3(String bucket, Path dataDir) {
        return new ConfigOverride[] {
            ConfigOverride.config("dataDir", dataDir.toString()),
            ConfigOverride.config("files.store", "s3"),
            ConfigOverride.config("files.s3.endpoint", S3.endpoint().toString()),
            ConfigOverride.config("files.s3.bucket", bucket),
            ConfigOverride.config("files.s3.pathStyle", "true")
        };
    }

    @BeforeAll
    static void users() {
        NODE_A.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        assertThat(NODE_A.healthCheck("scan-store")).containsEntry("healthy", true);
        assertThat(NODE_B.healthCheck("scan-store")).containsEntry("healthy", true);
    }

    record Uploaded(String code, String url, String sha256, byte[] bytes) {}

    static Uploaded upload(TestApp node, String name, byte[] bytes) {
        String code = (String) json(node.post(CLERK, "/api/dossiers", Dossiers.judicialRecord()))
                .get("code");
        Response res = node.upload(CLERK, code, "TO_KHAI", Multipart.file(name, "application/octet-stream", bytes));
        Map<String, Object> body = json(res);
        assertThat(res.getStatus()).as("%s", body).isEqualTo(201);
        Map<?, ?> file = (Map<?, ?>) ((List<?>) body.get("files")).get(0);
        return new Uploaded(code, (String) file.get("url"), (String) file.get("sha256"), bytes);
    }

    @Test
    void aScanTakenInOnOneNodeIsInTheBucketAndServedWholeAndByRangeByTheOther() {
        Uploaded u = upload(NODE_A, "Tờ khai đăng ký.pdf", Scans.pdf(3));

        Path object = S3.object(BUCKET, u.sha256());
        assertThat(object).as("the object in the bucket's folder").exists();
        assertThat(readAll(object)).isEqualTo(u.bytes());
        assertThat(new StoreFiles(DATA_A).blobs())
                .as("nothing kept on node A's disk")
                .isEmpty();
        assertThat(new StoreFiles(DATA_A).staging())
                .as("node A's staging emptied")
                .isEmpty();

        Response whole = NODE_B.as(CLERK, u.url()).get();
        assertThat(whole.getStatus()).isEqualTo(200);
        assertThat(whole.getHeaderString("ETag")).isEqualTo("\"" + u.sha256() + "\"");
        assertThat(whole.getHeaderString("Content-Disposition")).contains("T%E1%BB%9D%20khai");
        assertThat(whole.readEntity(byte[].class)).isEqualTo(u.bytes());

        Response part =
                NODE_B.as(CLERK, u.url()).header("Range", "bytes=100-299").get();
        assertThat(part.getStatus()).isEqualTo(206);
        assertThat(part.getHeaderString("Content-Range")).isEqualTo("bytes 100-299/" + u.bytes().length);
        assertThat(part.readEntity(byte[].class)).isEqualTo(Arrays.copyOfRange(u.bytes(), 100, 300));

        Response tail = NODE_B.as(CLERK, u.url()).header("Range", "bytes=-10").get();
        assertThat(tail.getStatus()).isEqualTo(206);
        assertThat(tail.readEntity(byte[].class))
                .isEqualTo(Arrays.copyOfRange(u.bytes(), u.bytes().length - 10, u.bytes().length));
        assertThat(new StoreFiles(DATA_B).blobs())
                .as("nothing copied to node B's disk")
                .isEmpty();
        assertThat(NODE_B.healthCheck("scan-store")).containsEntry("healthy", true);
    }

    @Test
    void theFixityCommandChecksTheBucketAndADamagedObjectIsCaught() throws Exception {
        Uploaded good = upload(NODE_A, "tot.png", Scans.png(71));
        Uploaded damaged = upload(NODE_B, "Giấy tờ hỏng.jpg", Scans.jpeg(72));
        assertThat(fixity(false)).contains("corrupted 0").contains("s3://" + BUCKET);

        Path object = S3.object(BUCKET, damaged.sha256());
        byte[] bytes = readAll(object);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(object, bytes);

        Response refused = NODE_B.as(CLERK, damaged.url()).get();
        assertThat(refused.getStatus()).as("a damaged scan is not served").isEqualTo(409);
        assertThat((String) json(refused).get("message")).contains("no longer match its SHA-256");

        String report = fixity(true);
        assertThat(report)
                .contains("CORRUPTED " + damaged.sha256())
                .contains("'Giấy tờ hỏng.jpg' (TO_KHAI) of dossier " + damaged.code())
                .doesNotContain(good.sha256());
    }

    @Test
    void aMissingBucketIsSaidOnTheHealthCheckAndAnswered503() {
        Map<String, Object> health = NO_BUCKET.healthCheck("scan-store");
        assertThat(health).containsEntry("healthy", false);
        assertThat((String) health.get("message"))
                .contains("the bucket 'no-such-bucket' does not exist")
                .doesNotContain("127.0.0.1");

        String code = (String) json(NO_BUCKET.post(CLERK, "/api/dossiers", Dossiers.judicialRecord()))
                .get("code");
        Response res = NO_BUCKET.upload(
                CLERK, code, "TO_KHAI", Multipart.file("to-khai.pdf", "application/pdf", Scans.pdf(1)));
        assertThat(res.getStatus()).isEqualTo(503);
        assertThat(res.getHeaderString("Retry-After")).isEqualTo("60");
        Map<String, Object> body = json(res);
        assertThat((String) body.get("message"))
                .contains("the bucket 'no-such-bucket' does not exist")
                .contains("Try again in a few minutes")
                .doesNotContain("Exception")
                .doesNotContain("127.0.0.1");
        int files = NODE_A.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM dossier_file f JOIN dossier d ON d.id = f.dossier_id WHERE d.code = :c")
                        .bind("c", code)
                        .mapTo(Integer.class)
                        .one());
        assertThat(files).as("no file row without its bytes").isZero();
    }

    /** The fixity command as run on node B's configuration; what it printed. */
    static String fixity(boolean expectProblems) throws Exception {
        return FixityRuns.run(EXT_B.getConfiguration(), expectProblems);
    }

    static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
