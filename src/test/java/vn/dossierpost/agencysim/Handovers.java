package vn.dossierpost.agencysim;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

/** Dossiers as the service sends them (formats of DESIGN.md), built by hand for the simulator's tests. */
final class Handovers {
    static final String SECRET = "bí-mật-của-cơ-quan";
    static final String HANDOVER = "BG261122-000042";
    static final String AGENCY = "000.00.15.H26";
    static final ObjectMapper JSON = new ObjectMapper();

    private Handovers() {}

    /** A file of a dossier: where it goes (the manifest path), its name as the clerk gave it, its bytes. */
    record DossierFile(String path, String name, byte[] bytes) {}

    /** One dossier: its per-dossier manifest, exactly as signed, and its files. */
    record Dossier(String code, byte[] manifest, List<DossierFile> files) {
        String key() {
            return code + "/" + HANDOVER;
        }
    }

    static DossierFile file(String code, String fileName, String name, byte[] bytes) {
        return new DossierFile(code + "/" + fileName, name, bytes);
    }

    /** Scan-like bytes: a PDF header, then noise (seeded by the text, so the same call gives the same file). */
    static byte[] pdf(String text, int size) {
        byte[] bytes = new byte[size];
        new Random(text.hashCode()).nextBytes(bytes);
        byte[] head = ("%PDF-1.7\n% " + text + "\n").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, bytes, 0, Math.min(head.length, size));
        return bytes;
    }

    /** A dossier of the judicial-record procedure with two scans, for applicant Nguyễn Thị Hoa. */
    static Dossier dossier(String code) {
        return dossier(
                code,
                List.of(
                        file(code, "17-to-khai.pdf", "tờ khai.pdf", pdf("Tờ khai", 12_345)),
                        file(code, "18-cccd.pdf", "căn cước công dân.pdf", pdf("CCCD", 3_000))));
    }

    static Dossier dossier(String code, List<DossierFile> files) {
        return new Dossier(code, manifest(code, files, Map.of()), files);
    }

    /** The manifest, with any declared value replaced for a file path (to lie about a size or hash). */
    static byte[] manifest(String code, List<DossierFile> files, Map<String, Map<String, Object>> overrides) {
        List<Map<String, Object>> listed = new ArrayList<>();
        for (DossierFile f : files) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", f.path());
            m.put("name", f.name());
            m.put("contentType", "application/pdf");
            m.put("size", f.bytes().length);
            m.put("sha256", Signatures.sha256Hex(f.bytes()));
            m.putAll(overrides.getOrDefault(f.path(), Map.of()));
            listed.add(m);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("handoverNo", HANDOVER);
        manifest.put("dossierCode", code);
        manifest.put("s10Number", "EH473124829VN");
        manifest.put("agencyCode", AGENCY);
        manifest.put(
                "procedure", Map.of("code", "2.000488", "name", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam"));
        manifest.put("serviceForm", "SEND_AND_RETURN");
        manifest.put("receivedAt", "2026-11-22T09:30:00+07:00");
        manifest.put("postOffice", Map.of("code", "100000", "name", "Bưu điện Trung tâm Hà Nội"));
        manifest.put(
                "applicant",
                Map.of(
                        "name",
                        "Nguyễn Thị Hoa",
                        "citizenId",
                        "001190012345",
                        "phone",
                        "0912345678",
                        "address",
                        "12 Phố Huế, Phường Hai Bà Trưng, Hà Nội"));
        manifest.put(
                "components",
                List.of(Map.of(
                        "code",
                        "TO_KHAI",
                        "name",
                        "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp",
                        "form",
                        "ORIGINAL",
                        "files",
                        listed)));
        try {
            return JSON.writeValueAsBytes(manifest);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(byte[] manifest) {
        return new Signatures(SECRET).sign(manifest);
    }

    /** The service's request for a dossier: signed manifest part first, then one part per file. */
    static Request.Builder request(String baseUrl, Dossier d, List<DossierFile> parts) {
        MultipartBody.Builder body = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart(
                        "manifest",
                        null,
                        RequestBody.create(d.manifest(), MediaType.get("application/json; charset=utf-8")));
        for (DossierFile f : parts) {
            body.addFormDataPart(f.path(), f.name(), RequestBody.create(f.bytes(), MediaType.get("application/pdf")));
        }
        return new Request.Builder()
                .url(baseUrl + "/dossiers")
                .post(body.build())
                .header("Idempotency-Key", d.key())
                .header("X-Dossierpost-Signature", sign(d.manifest()));
    }

    static Request request(String baseUrl, Dossier d) {
        return request(baseUrl, d, d.files()).build();
    }

    /** A handover ZIP of these dossiers; {@code replace} swaps the bytes stored for a path. */
    static byte[] zip(List<Dossier> dossiers, Map<String, byte[]> replace) throws IOException {
        List<Object> manifests = new ArrayList<>();
        for (Dossier d : dossiers) {
            manifests.add(JSON.readTree(d.manifest()));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("handoverNo", HANDOVER);
        root.put("agencyCode", AGENCY);
        root.put("createdAt", "2026-11-22T16:00:00+07:00");
        root.put("dossiers", manifests);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(HandoverZip.MANIFEST));
            zip.write(JSON.writeValueAsBytes(root));
            for (Dossier d : dossiers) {
                for (DossierFile f : d.files()) {
                    zip.putNextEntry(new ZipEntry(f.path()));
                    zip.write(replace.getOrDefault(f.path(), f.bytes()));
                }
            }
        }
        return bytes.toByteArray();
    }

    /** The manifest.json of a ZIP built by {@link #zip}, to sign it. */
    static byte[] zipManifest(byte[] zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(HandoverZip.MANIFEST)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IllegalStateException("no manifest.json");
    }

    /** Drops a ZIP as the service does: .part, renamed, then the .ready with the signature. */
    static void drop(Path dir, String handoverNo, byte[] zip, String signature) throws IOException {
        Path part = dir.resolve(handoverNo + ".zip.part");
        Files.write(part, zip);
        Files.move(part, dir.resolve(handoverNo + ".zip"));
        Files.writeString(dir.resolve(handoverNo + ".zip.ready"), signature + "\n", StandardCharsets.UTF_8);
    }

    /** Waits up to 5 s for the condition, looking every 10 ms; fails the test if it never holds. */
    static void await(String what, BooleanSupplier condition) {
        await(what, Duration.ofSeconds(5), condition);
    }

    static void await(String what, Duration atMost, BooleanSupplier condition) {
        long end = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + atMost.toMillis() + " ms for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }
}
