package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.Scans.sha256;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
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

/** Uploading scans: recognised by content, stored once by hash, names kept as given, nothing left by a refusal. */
@ExtendWith(DropwizardExtensionsSupport.class)
class FileUploadTest {
    static final Path DATA = TestApp.newDataDir();
    static final TestApp APP = new TestApp(ConfigOverride.config("dataDir", DATA.toString()));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final StoreFiles STORE = new StoreFiles(DATA);
    static final String CLERK = "clerk.hn";

    @BeforeAll
    static void users() {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("clerk.hcm", Role.COUNTER, Dossiers.OTHER_OFFICE, null);
        APP.addUser("supervisor", Role.SUPERVISOR, null, null);
    }

    static String takeIn() {
        return takeIn(Dossiers.judicialRecord());
    }

    static String takeIn(Map<String, Object> body) {
        Response res = APP.post(CLERK, "/api/dossiers", body);
        assertThat(res.getStatus()).isEqualTo(201);
        return (String) json(res).get("code");
    }

    @Test
    void takesPdfJpegPngAndTiffRecognisedByTheirContent() throws Exception {
        String code = takeIn();
        byte[] pdf = Scans.pdf(3);
        byte[] jpeg = Scans.jpeg(1);
        byte[] png = Scans.png(2);
        byte[] tiff = Scans.tiff(3);
        // declared types and names are deliberately unhelpful: only the bytes count
        Multipart body = Multipart.file("to-khai.pdf", "application/octet-stream", pdf)
                .add("trang-1.bin", "application/octet-stream", jpeg)
                .add("trang-2", "image/jpeg", png)
                .add("trang-3.tif", "image/tiff", tiff);
        Response res = APP.upload(CLERK, code, "TO_KHAI", body);
        Map<String, Object> result = json(res);
        assertThat(res.getStatus()).as("%s", result).isEqualTo(201);
        List<Map<String, Object>> files = files(result);
        assertThat(files)
                .extracting(f -> f.get("contentType"))
                .containsExactly("application/pdf", "image/jpeg", "image/png", "image/tiff");
        assertThat(files.get(0).get("pageCount")).isEqualTo(3);
        assertThat(files.get(1).get("pageCount")).isNull();
        assertThat(files)
                .extracting(f -> ((Number) f.get("sizeBytes")).longValue())
                .containsExactly((long) pdf.length, (long) jpeg.length, (long) png.length, (long) tiff.length);
        assertThat(files)
                .extracting(f -> f.get("sha256"))
                .containsExactly(sha256(pdf), sha256(jpeg), sha256(png), sha256(tiff));
        assertThat(files).allSatisfy(f -> {
            assertThat(f.get("componentCode")).isEqualTo("TO_KHAI");
            assertThat(f.get("uploadedBy")).isEqualTo(CLERK);
            assertThat((String) f.get("url")).startsWith("/api/dossiers/" + code + "/files/");
        });
        assertThat(res.getLocation().getPath()).isEqualTo(files.get(0).get("url"));
        assertThat(result.get("status")).isEqualTo("RECEIVED");
        assertThat(result.get("requiredWithoutFile")).isEqualTo(List.of("GIAY_TO_TUY_THAN"));

        // on disk under their hash, with the same bytes; nothing left in staging
        assertThat(Files.readAllBytes(STORE.blob(sha256(pdf)))).isEqualTo(pdf);
        assertThat(Files.readAllBytes(STORE.blob(sha256(tiff)))).isEqualTo(tiff);
        assertThat(STORE.staging()).isEmpty();

        // a FILE_ADDED event per file, written with the rows
        List<Map<String, Object>> events = events(code);
        assertThat(events)
                .filteredOn(e -> "FILE_ADDED".equals(e.get("type")))
                .hasSize(4)
                .first()
                .satisfies(e -> {
                    assertThat(e.get("note")).isEqualTo("TO_KHAI: to-khai.pdf");
                    assertThat(((Map<?, ?>) e.get("payload")).get("sha256")).isEqualTo(sha256(pdf));
                    assertThat(((Map<?, ?>) e.get("payload")).get("pageCount")).isEqualTo(3);
                });
        List<Map<String, Object>> listed =
                APP.as(CLERK, "/api/dossiers/" + code + "/files").get(new GenericType<>() {});
        assertThat(listed)
                .extracting(f -> f.get("id"))
                .containsExactlyElementsOf(files.stream().map(f -> f.get("id")).toList());
    }

    @Test
    void keepsAVietnameseFileNameAsGivenInNfc() {
        String code = takeIn();
        String name = "Tờ khai lý lịch tư pháp – bản quét (trang 1).pdf";
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(name);
        Response res = APP.upload(CLERK, code, "TO_KHAI", Multipart.file(decomposed, "application/pdf", Scans.pdf(1)));
        Map<String, Object> file = files(json(res)).get(0);
        assertThat(file.get("originalName")).isEqualTo(name);
        Response download = APP.as(CLERK, (String) file.get("url")).get();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getHeaderString("Content-Disposition"))
                .contains("filename*=UTF-8''"
                        + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)
                                .replace("+", "%20"));
        download.close();
        String stored = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT original_name FROM dossier_file WHERE id = :id")
                        .bind("id", ((Number) file.get("id")).longValue())
                        .mapTo(String.class)
                        .one());
        assertThat(stored).isEqualTo(name);
    }

    @Test
    void identicalBytesAreStoredOnceAndRecordedTwice() throws Exception {
        String first = takeIn();
        String second = takeIn();
        byte[] png = Scans.png(42);
        assertThat(APP.upload(CLERK, first, "GIAY_TO_TUY_THAN", Multipart.file("cccd.png", "image/png", png))
                        .getStatus())
                .isEqualTo(201);
        Response again =
                APP.upload(CLERK, second, "GIAY_TO_TUY_THAN", Multipart.file("cccd-ban-sao.png", "image/png", png));
        assertThat(again.getStatus()).isEqualTo(201);
        again.close();
        String sha = sha256(png);
        assertThat(STORE.blobs())
                .filteredOn(p -> p.getFileName().toString().equals(sha))
                .hasSize(1);
        long rows = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM dossier_file WHERE sha256 = :s")
                        .bind("s", sha)
                        .mapTo(Long.class)
                        .one());
        assertThat(rows).isEqualTo(2);
        assertThat(STORE.staging()).isEmpty();
    }

    @Test
    void aTextFileNamedPdfIs415NamingTheFileAndLeavesNothing() {
        String code = takeIn();
        byte[] text = "Đây là văn bản, không phải PDF.\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        Response res = APP.upload(CLERK, code, "TO_KHAI", Multipart.file("to-khai.pdf", "application/pdf", text));
        Map<String, Object> err = json(res);
        assertThat(res.getStatus()).isEqualTo(415);
        assertThat(err.get("field")).isEqualTo("files[0]");
        assertThat((String) err.get("message")).contains("'to-khai.pdf'").contains("PDF, JPEG, PNG or TIFF");
        assertNothingStoredFor(code);
    }

    @Test
    void aPdfThatDoesNotOpenIs422() {
        String code = takeIn();
        byte[] broken = ("%PDF-1.7\n" + "rác ".repeat(500)).getBytes(StandardCharsets.UTF_8);
        Response res = APP.upload(
                CLERK,
                code,
                "TO_KHAI",
                Multipart.file("hong.pdf", "application/pdf", Scans.png(1)).add("hong.pdf", "application/pdf", broken));
        Map<String, Object> err = json(res);
        assertThat(res.getStatus()).isEqualTo(422);
        assertThat(err.get("field")).isEqualTo("files[1]");
        assertThat((String) err.get("message")).contains("'hong.pdf'").contains("cannot be opened");
        assertNothingStoredFor(code); // the first, good file of the same upload is not kept either
    }

    @Test
    void hostileNamesAreOnlyEverNamesNeverPaths() throws Exception {
        String code = takeIn();
        List<String> names =
                List.of("../../x.pdf", "/etc/passwd", "..\\..\\windows\\x.pdf", "C:\\scan.pdf", "tmp/../../../y.png");
        for (int i = 0; i < names.size(); i++) {
            Response res =
                    APP.upload(CLERK, code, "TO_KHAI", Multipart.file(names.get(i), "image/png", Scans.png(100 + i)));
            Map<String, Object> body = json(res);
            assertThat(res.getStatus()).as("%s: %s", names.get(i), body).isEqualTo(201);
            assertThat(files(body).get(0).get("originalName")).isEqualTo(names.get(i));
        }
        assertThat(STORE.root().resolve("../../x.pdf").normalize()).doesNotExist();
        assertThat(STORE.root().resolve("../x.pdf").normalize()).doesNotExist();
        assertThat(STORE.root().resolve("../../../y.png").normalize()).doesNotExist();
        assertThat(STORE.blobs())
                .allSatisfy(p -> assertThat(p.getFileName().toString()).matches("[0-9a-f]{64}"));

        refusedName(code, "scan\u0000.pdf".getBytes(StandardCharsets.UTF_8), "control characters");
        refusedName(code, "scan\u0007bell.pdf".getBytes(StandardCharsets.UTF_8), "control characters");
        refusedName(code, "anh\u202Efdp.exe".getBytes(StandardCharsets.UTF_8), "direction overrides");
        refusedName(
                code, ("a".repeat(296) + ".pdf").getBytes(StandardCharsets.UTF_8), "300 characters long; at most 255");
        refusedName(code, new byte[0], "has no file name");
    }

    private static void refusedName(String code, byte[] rawName, String expected) {
        long before = rows();
        byte[] header = concat(
                "Content-Disposition: form-data; name=\"file\"; filename=\"".getBytes(StandardCharsets.UTF_8),
                rawName,
                "\"\r\nContent-Type: image/png\r\n".getBytes(StandardCharsets.UTF_8));
        Response res = APP.upload(CLERK, code, "TO_KHAI", new Multipart().addRaw(header, Scans.png(7)));
        Map<String, Object> err = json(res);
        assertThat(res.getStatus()).as("%s", err).isEqualTo(422);
        assertThat(err.get("field")).isEqualTo("files[0]");
        assertThat((String) err.get("message")).contains(expected);
        assertThat(rows()).isEqualTo(before);
        assertThat(STORE.staging()).isEmpty();
    }

    @Test
    void theDossierIsDigitisedWhenEveryRequiredDocumentHasAScan() {
        Map<String, Object> intake = Dossiers.judicialRecord();
        Dossiers.components(intake)
                .add(new java.util.HashMap<>(Map.of("code", "VAN_BAN_UY_QUYEN", "form", "ORIGINAL", "pages", 1)));
        String code = takeIn(intake);

        Map<String, Object> first = json(
                APP.upload(CLERK, code, "TO_KHAI", Multipart.file("to-khai.pdf", "application/pdf", Scans.pdf(2))));
        assertThat(first.get("status")).isEqualTo("RECEIVED");
        assertThat(first.get("requiredWithoutFile")).isEqualTo(List.of("GIAY_TO_TUY_THAN"));
        // an optional document does not complete the dossier
        Map<String, Object> optional = json(APP.upload(
                CLERK, code, "VAN_BAN_UY_QUYEN", Multipart.file("uy-quyen.jpg", "image/jpeg", Scans.jpeg(5))));
        assertThat(optional.get("status")).isEqualTo("RECEIVED");

        // the last document together with a broken PDF: refused as a whole, so no status change and nothing queued
        Response refused = APP.upload(
                CLERK,
                code,
                "GIAY_TO_TUY_THAN",
                Multipart.file("cccd.jpg", "image/jpeg", Scans.jpeg(6))
                        .add(
                                "hong.pdf",
                                "application/pdf",
                                ("%PDF-1.7\n" + "rác ".repeat(500)).getBytes(StandardCharsets.UTF_8)));
        assertThat(TestApp.status(refused)).isEqualTo(422);
        assertThat(APP.as(CLERK, "/api/dossiers/" + code).get(Map.class).get("status"))
                .isEqualTo("RECEIVED");
        assertThat(pendingHandovers(code)).isZero();

        Map<String, Object> last = json(
                APP.upload(CLERK, code, "GIAY_TO_TUY_THAN", Multipart.file("cccd.jpg", "image/jpeg", Scans.jpeg(6))));
        assertThat(last.get("status")).isEqualTo("DIGITISED");
        assertThat((List<?>) last.get("requiredWithoutFile")).isEmpty();
        assertThat(APP.as(CLERK, "/api/dossiers/" + code).get(Map.class).get("status"))
                .isEqualTo("DIGITISED");
        assertThat(pendingHandovers(code))
                .as("queued for handover with the status change")
                .isEqualTo(1);

        // a rescan while DIGITISED is taken; the status stays
        Map<String, Object> rescan = json(APP.upload(
                CLERK, code, "TO_KHAI", Multipart.file("to-khai-quet-lai.pdf", "application/pdf", Scans.pdf(2))));
        assertThat(rescan.get("status")).isEqualTo("DIGITISED");
        assertThat(pendingHandovers(code)).as("a rescan queues nothing more").isEqualTo(1);

        List<Map<String, Object>> events = events(code);
        assertThat(events)
                .extracting(e -> e.get("type"))
                .containsExactly("RECEIVED", "FILE_ADDED", "FILE_ADDED", "FILE_ADDED", "DIGITISED", "FILE_ADDED");
        Map<String, Object> digitised = events.get(4);
        assertThat(digitised.get("fromStatus")).isEqualTo("RECEIVED");
        assertThat(digitised.get("toStatus")).isEqualTo("DIGITISED");
        assertThat(digitised.get("actor")).isEqualTo(CLERK);
    }

    @Test
    void refusesWhatCannotBeTaken() {
        String code = takeIn();
        Multipart png = Multipart.file("a.png", "image/png", Scans.png(9));
        // another office's clerk, and a supervisor (not a counter clerk)
        assertThat(TestApp.status(APP.upload("clerk.hcm", code, "TO_KHAI", png)))
                .isEqualTo(403);
        assertThat(TestApp.status(APP.upload("supervisor", code, "TO_KHAI", png)))
                .isEqualTo(403);
        // unknown dossier, a document the dossier does not have
        assertThat(TestApp.status(APP.upload(CLERK, "000.00.15.H26-200101-0001", "TO_KHAI", png)))
                .isEqualTo(404);
        Response unknownDocument = APP.upload(CLERK, code, "KHONG_CO", png);
        assertThat(unknownDocument.getStatus()).isEqualTo(422);
        Map<String, Object> err = json(unknownDocument);
        assertThat(err.get("field")).isEqualTo("componentCode");
        assertThat((String) err.get("message")).contains("KHONG_CO").contains("TO_KHAI, GIAY_TO_TUY_THAN");
        // not multipart, no file at all, a form field instead of a file
        Response notMultipart = APP.as(CLERK, "/api/dossiers/" + code + "/components/TO_KHAI/files")
                .put(Entity.entity(Scans.pdf(1), "application/pdf"));
        assertThat(notMultipart.getStatus()).isEqualTo(415);
        assertThat((String) json(notMultipart).get("message")).contains("multipart/form-data");
        Response empty = APP.as(CLERK, "/api/dossiers/" + code + "/components/TO_KHAI/files")
                .put(Entity.entity(
                        ("--" + Multipart.BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII),
                        MediaType.valueOf(Multipart.contentType())));
        assertThat(empty.getStatus()).isEqualTo(422);
        assertThat(json(empty).get("field")).isEqualTo("files");
        Response field = APP.upload(
                CLERK,
                code,
                "TO_KHAI",
                new Multipart()
                        .addRaw(
                                "Content-Disposition: form-data; name=\"note\"\r\n".getBytes(StandardCharsets.US_ASCII),
                                "ghi chú".getBytes(StandardCharsets.UTF_8)));
        assertThat(field.getStatus()).isEqualTo(422);
        assertThat((String) json(field).get("message")).contains("has no file name");
        // a body that ends inside a file part, without its closing boundary
        byte[] cut = java.util.Arrays.copyOf(
                Multipart.file("a.png", "image/png", Scans.png(9)).bytes(), 200);
        Response truncated = APP.as(CLERK, "/api/dossiers/" + code + "/components/TO_KHAI/files")
                .put(Entity.entity(cut, MediaType.valueOf(Multipart.contentType())));
        assertThat(truncated.getStatus()).isEqualTo(400);
        assertThat((String) json(truncated).get("message")).contains("not a complete multipart/form-data body");
        assertNothingStoredFor(code);

        // a withdrawn dossier takes no more scans; 409 names the statuses that do
        APP.post(CLERK, "/api/dossiers/" + code + "/withdraw", Map.of("reason", "Công dân rút hồ sơ"))
                .close();
        Response withdrawn = APP.upload(CLERK, code, "TO_KHAI", png);
        assertThat(withdrawn.getStatus()).isEqualTo(409);
        Map<String, Object> conflict = json(withdrawn);
        assertThat(((Map<?, ?>) conflict.get("details")).get("allowedStatuses"))
                .isEqualTo(List.of("RECEIVED", "DIGITISED", "SUPPLEMENT_REQUESTED"));
        assertThat((String) conflict.get("message")).contains("WITHDRAWN");
    }

    @Test
    void aReturnOnlyDossierHasNoScansToTake() {
        Map<String, Object> intake = Dossiers.judicialRecord();
        intake.put("serviceForm", "RETURN_ONLY");
        intake.put("agencyReference", "STP-HN-2026-000123");
        String code = takeIn(intake);
        Response res = APP.upload(CLERK, code, "TO_KHAI", Multipart.file("a.png", "image/png", Scans.png(3)));
        assertThat(res.getStatus()).isEqualTo(409);
        assertThat((String) json(res).get("message")).contains("RETURN_ONLY");
    }

    /** The client sends headers and part of a large body, then goes away: no staged file, no blob, no row. */
    @Test
    void anUploadCutOffHalfwayLeavesNothing() throws Exception {
        String code = takeIn();
        int blobsBefore = STORE.blobs().size();
        byte[] partHeader = ("--" + Multipart.BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lon.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("localhost", EXT.getLocalPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/dossiers/" + code + "/components/TO_KHAI/files HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: " + TestApp.basic(CLERK) + "\r\nContent-Type: " + Multipart.contentType()
                            + "\r\n"
                            + "Content-Length: 15000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(partHeader);
            byte[] chunk = new byte[256 * 1024];
            for (int i = 0; i < 12; i++) {
                out.write(chunk);
            }
            out.flush();
            assertThat(StoreFiles.await(
                            Duration.ofSeconds(10), () -> STORE.staging().size() == 1))
                    .as("the server streams the upload to a staging file")
                    .isTrue();
            socket.setSoLinger(true, 0); // drop the connection: reset, no orderly close
        }
        assertThat(StoreFiles.await(
                        Duration.ofSeconds(10), () -> STORE.staging().isEmpty()))
                .as("staging emptied")
                .isTrue();
        assertNothingStoredFor(code);
        assertThat(STORE.blobs()).hasSize(blobsBefore);
        // the service is unharmed
        assertThat(TestApp.status(
                        APP.upload(CLERK, code, "TO_KHAI", Multipart.file("a.pdf", "application/pdf", Scans.pdf(1)))))
                .isEqualTo(201);
    }

    static void assertNothingStoredFor(String code) {
        FileUploadTestSupport.assertNothingStored(APP, STORE, code);
    }

    static long rows() {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM dossier_file")
                        .mapTo(Long.class)
                        .one());
    }

    static List<Map<String, Object>> events(String code) {
        return APP.as(CLERK, "/api/dossiers/" + code + "/events").get(new GenericType<>() {});
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> files(Map<String, Object> uploadResult) {
        return (List<Map<String, Object>>) uploadResult.get("files");
    }

    private static byte[] concat(byte[]... arrays) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] a : arrays) {
            out.writeBytes(a);
        }
        return out.toByteArray();
    }

    private static long pendingHandovers(String code) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM outbox o JOIN dossier d ON d.id = o.dossier_id "
                                        + "WHERE d.code = :code AND o.kind = 'HANDOVER' AND o.done_at IS NULL AND o.agency_code = d.agency_code")
                        .bind("code", code)
                        .mapTo(Long.class)
                        .one());
    }
}
