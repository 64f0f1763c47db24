package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Multipart;
import vn.dossierpost.support.StoreFiles;
import vn.dossierpost.support.TestApp;

/** The size limits of config.yml, here made small: 100 kB per file, 250 kB per dossier. */
@ExtendWith(DropwizardExtensionsSupport.class)
class FileLimitsTest {
    static final Path DATA = TestApp.newDataDir();
    static final TestApp APP = new TestApp(
            ConfigOverride.config("dataDir", DATA.toString()),
            ConfigOverride.config("files.maxFileSize", "100KB"),
            ConfigOverride.config("files.maxDossierSize", "250KB"));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final StoreFiles STORE = new StoreFiles(DATA);
    static final String CLERK = "clerk.hn";

    @BeforeAll
    static void users() {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
    }

    /** A "JPEG" of {@code size} bytes: the JPEG signature, then noise. */
    static byte[] jpeg(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return bytes;
    }

    static String takeIn() {
        return (String) json(APP.post(CLERK, "/api/dossiers", Dossiers.judicialRecord()))
                .get("code");
    }

    @Test
    void aFileOverThePerFileLimitIs413AndLeavesNothing() {
        String code = takeIn();
        int blobs = STORE.blobs().size();
        Response res = APP.upload(CLERK, code, "TO_KHAI", Multipart.file("to.jpg", "image/jpeg", jpeg(150_000, 1)));
        Map<String, Object> err = json(res);
        assertThat(res.getStatus()).isEqualTo(413);
        assertThat(err.get("field")).isEqualTo("files[0]");
        assertThat((String) err.get("message"))
                .contains("'to.jpg'")
                .contains("larger than the limit of 100 kB per file");
        FileUploadTestSupport.assertNothingStored(APP, STORE, code);
        assertThat(STORE.blobs()).hasSize(blobs);
    }

    @Test
    void theDossierLimitCountsEveryFileOfTheDossier() {
        String code = takeIn();
        assertThat(TestApp.status(
                        APP.upload(CLERK, code, "TO_KHAI", Multipart.file("1.jpg", "image/jpeg", jpeg(90_000, 2)))))
                .isEqualTo(201);
        assertThat(TestApp.status(
                        APP.upload(CLERK, code, "TO_KHAI", Multipart.file("2.jpg", "image/jpeg", jpeg(90_000, 3)))))
                .isEqualTo(201);
        Response third =
                APP.upload(CLERK, code, "GIAY_TO_TUY_THAN", Multipart.file("3.jpg", "image/jpeg", jpeg(90_000, 4)));
        Map<String, Object> err = json(third);
        assertThat(third.getStatus()).isEqualTo(413);
        assertThat((String) err.get("message"))
                .contains("'3.jpg'")
                .contains("past its limit of 250 kB")
                .contains("180 kB already stored");
        assertThat(STORE.staging()).isEmpty();
        long rows = APP.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM dossier_file f JOIN dossier d ON d.id = f.dossier_id WHERE d.code = :c")
                        .bind("c", code)
                        .mapTo(Long.class)
                        .one());
        assertThat(rows).isEqualTo(2);
    }

    @Test
    void aRequestDeclaringMoreThanTheDossierMayTakeIsRefusedBeforeItsBodyIsRead() {
        String code = takeIn();
        Response res = APP.upload(
                CLERK,
                code,
                "TO_KHAI",
                Multipart.file("1.jpg", "image/jpeg", jpeg(80_000, 5))
                        .add("2.jpg", "image/jpeg", jpeg(80_000, 6))
                        .add("3.jpg", "image/jpeg", jpeg(80_000, 7))
                        .add("4.jpg", "image/jpeg", jpeg(80_000, 8))
                        .add("5.jpg", "image/jpeg", jpeg(80_000, 9))
                        .add("6.jpg", "image/jpeg", jpeg(80_000, 10))
                        .add("7.jpg", "image/jpeg", jpeg(80_000, 11))
                        .add("8.jpg", "image/jpeg", jpeg(80_000, 12))
                        .add("9.jpg", "image/jpeg", jpeg(80_000, 13))
                        .add("10.jpg", "image/jpeg", jpeg(80_000, 14))
                        .add("11.jpg", "image/jpeg", jpeg(80_000, 15))
                        .add("12.jpg", "image/jpeg", jpeg(80_000, 16))
                        .add("13.jpg", "image/jpeg", jpeg(80_000, 17))
                        .add("14.jpg", "image/jpeg", jpeg(80_000, 18))
                        .add("15.jpg", "image/jpeg", jpeg(80_000, 19)));
        Map<String, Object> err = json(res);
        assertThat(res.getStatus()).isEqualTo(413);
        assertThat(err.get("field")).isEqualTo("body");
        assertThat((String) err.get("message")).contains("may take only 250 kB more");
        FileUploadTestSupport.assertNothingStored(APP, STORE, code);
    }

    /** A client that asks "100-continue" first is told 413 without sending its body. */
    @Test
    void aClientWaitingFor100ContinueGetsTheRefusalWithoutSending() throws Exception {
        String code = takeIn();
        try (Socket socket = new Socket("localhost", EXT.getLocalPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/dossiers/" + code + "/components/TO_KHAI/files HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: " + TestApp.basic(CLERK) + "\r\nContent-Type: " + Multipart.contentType()
                            + "\r\n"
                            + "Expect: 100-continue\r\nContent-Length: 50000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).startsWith("HTTP/1.1 413");
        }
        FileUploadTestSupport.assertNothingStored(APP, STORE, code);
    }
}
