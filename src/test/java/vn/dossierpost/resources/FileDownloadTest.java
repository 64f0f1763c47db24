package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Multipart;
import vn.dossierpost.support.Scans;
import vn.dossierpost.support.StoreFiles;
import vn.dossierpost.support.TestApp;

/** Serving scans: headers, ranges, who may fetch them, and never a damaged file as if it were good. */
@ExtendWith(DropwizardExtensionsSupport.class)
class FileDownloadTest {
    static final Path DATA = TestApp.newDataDir();
    static final TestApp APP = new TestApp(ConfigOverride.config("dataDir", DATA.toString()));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final StoreFiles STORE = new StoreFiles(DATA);
    static final String CLERK = "clerk.hn";
    static String agencyToken;
    static String otherAgencyToken;

    @BeforeAll
    static void users() {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("clerk.hcm", Role.COUNTER, Dossiers.OTHER_OFFICE, null);
        APP.addUser("courier.hn", Role.COURIER, Dossiers.OFFICE, null);
        APP.addUser("supervisor", Role.SUPERVISOR, null, null);
        agencyToken = APP.addTokenUser("agency.stp.hn", Role.AGENCY, null, Dossiers.AGENCY);
        otherAgencyToken = APP.addTokenUser("agency.other", Role.AGENCY, null, "000.00.42.H26");
    }

    record Uploaded(String code, String url, String sha256, byte[] bytes) {}

    static Uploaded upload(String name, byte[] bytes) {
        String code = (String) json(APP.post(CLERK, "/api/dossiers", Dossiers.judicialRecord()))
                .get("code");
        Response res = APP.upload(CLERK, code, "TO_KHAI", Multipart.file(name, "application/octet-stream", bytes));
        Map<String, Object> body = json(res);
        assertThat(res.getStatus()).as("%s", body).isEqualTo(201);
        Map<?, ?> file = (Map<?, ?>) ((List<?>) body.get("files")).get(0);
        return new Uploaded(code, (String) file.get("url"), (String) file.get("sha256"), bytes);
    }

    @Test
    void servesTheFileWithTypeLengthEtagAndRanges() {
        Uploaded u = upload("Tờ khai.pdf", Scans.pdf(2));
        Response full = APP.as(CLERK, u.url()).get();
        assertThat(full.getStatus()).isEqualTo(200);
        assertThat(full.getMediaType().toString()).isEqualTo("application/pdf");
        assertThat(full.getHeaderString("Content-Length")).isEqualTo(String.valueOf(u.bytes().length));
        assertThat(full.getHeaderString("ETag")).isEqualTo("\"" + u.sha256() + "\"");
        assertThat(full.getHeaderString("Accept-Ranges")).isEqualTo("bytes");
        assertThat(full.getHeaderString("Content-Disposition"))
                .startsWith("inline; filename=\"T_ khai.pdf\"; filename*=UTF-8''T%E1%BB%9D%20khai.pdf");
        assertThat(full.readEntity(byte[].class)).isEqualTo(u.bytes());

        Response part = APP.as(CLERK, u.url()).header("Range", "bytes=10-109").get();
        assertThat(part.getStatus()).isEqualTo(206);
        assertThat(part.getHeaderString("Content-Range")).isEqualTo("bytes 10-109/" + u.bytes().length);
        assertThat(part.getHeaderString("Content-Length")).isEqualTo("100");
        assertThat(part.getHeaderString("ETag")).isEqualTo("\"" + u.sha256() + "\"");
        assertThat(part.readEntity(byte[].class)).isEqualTo(Arrays.copyOfRange(u.bytes(), 10, 110));

        Response tail = APP.as(CLERK, u.url()).header("Range", "bytes=-6").get();
        assertThat(tail.getStatus()).isEqualTo(206);
        assertThat(tail.readEntity(byte[].class))
                .isEqualTo(Arrays.copyOfRange(u.bytes(), u.bytes().length - 6, u.bytes().length));

        Response open = APP.as(CLERK, u.url())
                .header("Range", "bytes=" + (u.bytes().length - 3) + "-")
                .get();
        assertThat(open.getStatus()).isEqualTo(206);
        assertThat(open.readEntity(byte[].class)).hasSize(3);

        Response outside = APP.as(CLERK, u.url())
                .header("Range", "bytes=" + u.bytes().length + "-")
                .get();
        assertThat(outside.getStatus()).isEqualTo(416);
        assertThat(outside.getHeaderString("Content-Range")).isEqualTo("bytes */" + u.bytes().length);
        outside.close();

        // a stale If-Range gets the whole file; a matching If-None-Match gets 304
        Response stale = APP.as(CLERK, u.url())
                .header("Range", "bytes=0-9")
                .header("If-Range", "\"other\"")
                .get();
        assertThat(stale.getStatus()).isEqualTo(200);
        stale.close();
        Response notModified = APP.as(CLERK, u.url())
                .header("If-None-Match", "\"" + u.sha256() + "\"")
                .get();
        assertThat(notModified.getStatus()).isEqualTo(304);
        notModified.close();

        // a client that accepts gzip still gets the exact bytes with their length (scans are not re-compressed)
        Response gzip = APP.as(CLERK, u.url()).header("Accept-Encoding", "gzip").get();
        assertThat(gzip.getHeaderString("Content-Encoding")).isNull();
        assertThat(gzip.getHeaderString("Content-Length")).isEqualTo(String.valueOf(u.bytes().length));
        gzip.close();
    }

    @Test
    void theOfficeAndSupervisorsMayFetchAndTheAgencyOnlyAfterHandover() {
        Uploaded u = upload("cccd.png", Scans.png(11));
        assertThat(TestApp.status(APP.as("supervisor", u.url()).get())).isEqualTo(200);
        Response other = APP.as("clerk.hcm", u.url()).get();
        assertThat(other.getStatus()).isEqualTo(403);
        assertThat((String) json(other).get("message")).contains("post office " + Dossiers.OFFICE);
        assertThat(TestApp.status(APP.as("courier.hn", u.url()).get())).isEqualTo(403);
        assertThat(TestApp.status(agency(agencyToken, u.url())))
                .as("agency before handover")
                .isEqualTo(403);

        // The handover use case is not part of this change: put the dossier in transit directly.
        APP.jdbi()
                .useHandle(
                        h -> h.execute("UPDATE dossier SET status = 'IN_TRANSIT_TO_AGENCY' WHERE code = ?", u.code()));
        Response agency = EXT.client()
                .target(APP.url(u.url()))
                .request()
                .header("Authorization", "Bearer " + agencyToken)
                .get();
        assertThat(agency.getStatus()).as("the receiving agency after handover").isEqualTo(200);
        assertThat(agency.readEntity(byte[].class)).isEqualTo(u.bytes());
        assertThat(TestApp.status(agency(otherAgencyToken, u.url())))
                .as("another agency")
                .isEqualTo(403);

        assertThat(TestApp.status(APP.as(CLERK, "/api/dossiers/" + u.code() + "/files/999999")
                        .get()))
                .isEqualTo(404);
        assertThat(TestApp.status(APP.as(CLERK, "/api/dossiers/" + u.code() + "/files/abc")
                        .get()))
                .isEqualTo(404);
    }

    private static Response agency(String token, String path) {
        return EXT.client()
                .target(APP.url(path))
                .request()
                .header("Authorization", "Bearer " + token)
                .get();
    }

    @Test
    void aDamagedFileIsNeverServedAsGoodAndTheTimelineSaysSo() throws Exception {
        Uploaded u = upload("cccd.jpg", Scans.jpeg(21));
        STORE.corrupt(u.sha256());

        Response res = APP.as(CLERK, u.url()).get();
        assertThat(res.getStatus()).isEqualTo(409);
        Map<String, Object> err = json(res);
        assertThat((String) err.get("message"))
                .contains("stored file failed its integrity check")
                .contains("cccd.jpg");
        assertThat(((Map<?, ?>) err.get("details")).get("fixity")).isEqualTo("CORRUPTED");
        // a range of it is not served either
        assertThat(TestApp.status(
                        APP.as(CLERK, u.url()).header("Range", "bytes=0-9").get()))
                .isEqualTo(409);

        List<Map<String, Object>> events =
                APP.as(CLERK, "/api/dossiers/" + u.code() + "/events").get(new GenericType<>() {});
        assertThat(events)
                .filteredOn(e -> "FIXITY_FAILED".equals(e.get("type")))
                .singleElement()
                .satisfies(e -> {
                    Map<?, ?> payload = (Map<?, ?>) e.get("payload");
                    assertThat(payload.get("sha256")).isEqualTo(u.sha256());
                    assertThat(payload.get("problem")).isEqualTo("CORRUPTED");
                    assertThat(payload.get("originalName")).isEqualTo("cccd.jpg");
                });
        List<Map<String, Object>> files =
                APP.as(CLERK, "/api/dossiers/" + u.code() + "/files").get(new GenericType<>() {});
        assertThat(files.get(0).get("fixityFailedAt")).isNotNull();

        // the same scan uploaded again replaces the damaged copy; the file is served again
        Response again =
                APP.upload(CLERK, u.code(), "TO_KHAI", Multipart.file("cccd-lai.jpg", "image/jpeg", u.bytes()));
        assertThat(again.getStatus()).isEqualTo(201);
        again.close();
        Response served = APP.as(CLERK, u.url()).get();
        assertThat(served.getStatus()).isEqualTo(200);
        assertThat(served.readEntity(byte[].class)).isEqualTo(u.bytes());
        events = APP.as(CLERK, "/api/dossiers/" + u.code() + "/events").get(new GenericType<>() {});
        assertThat(events)
                .extracting(e -> e.get("type"))
                .containsSubsequence("FIXITY_FAILED", "FIXITY_REPAIRED", "FILE_ADDED");
    }

    @Test
    void aMissingFileIsAnsweredAsSuch() throws Exception {
        Uploaded u = upload("mat.png", Scans.png(31));
        java.nio.file.Files.delete(STORE.blob(u.sha256()));
        Response res = APP.as("supervisor", u.url()).get();
        assertThat(res.getStatus()).isEqualTo(409);
        assertThat((String) json(res).get("message"))
                .contains("stored file failed its integrity check")
                .contains("missing");
    }
}
