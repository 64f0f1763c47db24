package vn.dossierpost.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.domain.Role;
import vn.dossierpost.service.catalogue.AgencyChannels;
import vn.dossierpost.service.catalogue.SftpHostKeys;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.InboxFiles;
import vn.dossierpost.support.Scans;
import vn.dossierpost.support.TestApp;

/**
 * Handover by file drop into real folders: the ZIP and its done file as the contract says, no
 * {@code .part} left, an existing package never overwritten, a folder that cannot be written retried,
 * and acknowledgement files from the agency's inbox (good ones applied, bad ones refused with a reason).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FileDropHandoverTest {
    static final TestApp APP = new TestApp();
    static final io.dropwizard.testing.junit5.DropwizardAppExtension<?> EXT = APP.extension();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CLERK = "clerk.hn";
    static Path outbox;
    static Path inbox;

    @BeforeAll
    static void setUp() throws IOException {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("admin", Role.ADMIN, null, null);
        Path root = TestApp.newDataDir();
        outbox = root.resolve("so-tu-phap/den");
        inbox = root.resolve("so-tu-phap/di");
        Files.createDirectories(outbox);
        Files.createDirectories(inbox);
        Handovers.configure(
                APP,
                "admin",
                Dossiers.AGENCY,
                Map.of(
                        "channel",
                        "FILE_DROP",
                        "outboxDir",
                        outbox.toString(),
                        "inboxDir",
                        inbox.toString(),
                        "batchWindowMs",
                        300));
    }

    @Test
    void packageWithManifestAndFilesThenAcknowledgementMarksDelivered() throws Exception {
        String first = Handovers.digitised(APP, CLERK, 11);
        String second = Handovers.digitised(APP, CLERK, 12);
        Handovers.awaitStatus(APP, first, "IN_TRANSIT_TO_AGENCY");
        Handovers.awaitStatus(APP, second, "IN_TRANSIT_TO_AGENCY");
        List<String> numbers = Stream.of(first, second)
                .map(c -> Handovers.handoversOf(APP, c).get(0))
                .distinct()
                .toList();
        Map<String, JsonNode> dossiers = new HashMap<>();
        for (String no : numbers) {
            Path ready = outbox.resolve(no + ".zip.ready");
            Handovers.await(() -> Files.exists(ready), Duration.ofSeconds(10), () -> ready.toString());
            String signature = Files.readString(ready, StandardCharsets.UTF_8);
            Map<String, byte[]> entries = unzip(outbox.resolve(no + ".zip"));
            byte[] manifestBytes = entries.get("manifest.json");
            assertThat(signature).isEqualTo("sha256=" + HttpHandoverTest.hmac(manifestBytes, Handovers.SECRET));
            JsonNode manifest = JSON.readTree(manifestBytes);
            assertThat(manifest.get("handoverNo").asText()).isEqualTo(no);
            assertThat(manifest.get("agencyCode").asText()).isEqualTo(Dossiers.AGENCY);
            for (JsonNode d : manifest.get("dossiers")) {
                dossiers.put(d.get("dossierCode").asText(), d);
                for (JsonNode c : d.get("components")) {
                    for (JsonNode f : c.get("files")) {
                        String path = f.get("path").asText();
                        assertThat(path).startsWith(d.get("dossierCode").asText() + "/");
                        assertThat(entries.get(path)).as(path).isNotNull();
                        assertThat(Scans.sha256(entries.get(path)))
                                .isEqualTo(f.get("sha256").asText());
                    }
                }
            }
            // recorded just after the done file is written
            Handovers.await(
                    () -> "SENT".equals(Handovers.handoverState(APP, no)),
                    Duration.ofSeconds(10),
                    () -> no + " recorded as sent");
        }
        assertThat(dossiers.keySet()).containsExactlyInAnyOrder(first, second);
        assertThat(dossiers.get(first).at("/applicant/name").asText()).isEqualTo(Dossiers.NAME);
        try (Stream<Path> files = Files.list(outbox)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).noneMatch(n -> n.endsWith(".part"));
        }

        String no = Handovers.handoversOf(APP, first).get(0);
        dropAcknowledgement("ack-1.ack.json", """
                {"handoverNo": "%s", "receipts": [{"dossierCode": "%s", "receiptNumber": "STP-HN-0001", "receivedAt": "2026-11-23T08:05:00+07:00"}]}
                """.formatted(no, first));
        Handovers.awaitStatus(APP, first, "DELIVERED_TO_AGENCY");
        Handovers.await(
                () -> Files.exists(inbox.resolve(".done/ack-1.ack.json")),
                Duration.ofSeconds(10),
                () -> "ack moved to .done");
        String receipt = APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT agency_receipt_number FROM dossier WHERE code = :c")
                        .bind("c", first)
                        .mapTo(String.class)
                        .one());
        assertThat(receipt).isEqualTo("STP-HN-0001");

        // the same file again changes nothing
        dropAcknowledgement("ack-1-again.ack.json", Files.readString(inbox.resolve(".done/ack-1.ack.json")));
        Handovers.await(
                () -> Files.exists(inbox.resolve(".done/ack-1-again.ack.json")),
                Duration.ofSeconds(10),
                () -> "second ack done");
        assertThat(Handovers.eventTypes(APP, first)).containsOnlyOnce("DELIVERED_TO_AGENCY");
    }

    @Test
    void aWrongAcknowledgementIsRefusedWithTheReason() throws Exception {
        String code = Handovers.digitised(APP, CLERK, 13);
        Handovers.awaitStatus(APP, code, "IN_TRANSIT_TO_AGENCY");
        String no = Handovers.handoversOf(APP, code).get(0);
        dropAcknowledgement("sai.ack.json", """
                {"handoverNo": "%s", "receipts": [{"dossierCode": "000.00.15.H26-991231-9999", "receiptNumber": "X"}]}
                """.formatted(no));
        Path error = inbox.resolve(".failed/sai.ack.json.error.txt");
        Handovers.await(() -> Files.exists(error), Duration.ofSeconds(10), () -> error.toString());
        assertThat(Files.readString(error))
                .contains("receipts[0].dossierCode")
                .contains("000.00.15.H26-991231-9999")
                .contains("not in handover " + no);
        Handovers.await(
                () -> Files.exists(inbox.resolve(".failed/sai.ack.json")),
                Duration.ofSeconds(10),
                () -> "moved to .failed");

        dropAcknowledgement("hong.ack.json", "{ not json");
        Path broken = inbox.resolve(".failed/hong.ack.json.error.txt");
        Handovers.await(() -> Files.exists(broken), Duration.ofSeconds(10), () -> broken.toString());
        assertThat(Files.readString(broken)).contains("not an acknowledgement file");
        assertThat(Handovers.status(APP, code)).isEqualTo("IN_TRANSIT_TO_AGENCY");
    }

    @Test
    void anUnsignedOrWronglySignedAcknowledgementIsRefusedAndNothingIsApplied() throws Exception {
        String code = Handovers.digitised(APP, CLERK, 16);
        Handovers.awaitStatus(APP, code, "IN_TRANSIT_TO_AGENCY");
        String no = Handovers.handoversOf(APP, code).get(0);
        String ack = """
                {"handoverNo": "%s", "receipts": [{"dossierCode": "%s", "receiptNumber": "GIA-0001", "receivedAt": "2020-01-02T08:00:00+07:00"}]}
                """.formatted(no, code);
        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        InboxFiles.dropWithDoneFile(inbox, "khong-ky.ack.json", ack.getBytes(StandardCharsets.UTF_8), "");
        refusals.put("khong-ky.ack.json", "unsigned");
        InboxFiles.drop(inbox, "ky-sai.ack.json", ack, "khoa-bi-mat-cua-nguoi-khac-2026");
        refusals.put("ky-sai.ack.json", "wrong signature");
        // signed with the agency's secret, then changed (the receipt number) after signing
        InboxFiles.dropWithDoneFile(
                inbox,
                "sua-sau-khi-ky.ack.json",
                ack.replace("GIA-0001", "GIA-0002").getBytes(StandardCharsets.UTF_8),
                vn.dossierpost.integration.Signatures.sign(ack.getBytes(StandardCharsets.UTF_8), Handovers.SECRET));
        refusals.put("sua-sau-khi-ky.ack.json", "wrong signature");
        refusals.forEach((name, reason) -> {
            Path error = inbox.resolve(".failed/" + name + ".error.txt");
            Handovers.await(() -> Files.exists(error), Duration.ofSeconds(10), () -> error.toString());
            try {
                assertThat(Files.readString(error, StandardCharsets.UTF_8))
                        .as(name)
                        .contains(reason)
                        .contains(name + ".ready")
                        .contains("nothing applied");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Handovers.await(() -> Files.exists(inbox.resolve(".failed/" + name)), Duration.ofSeconds(10), () -> name);
        });
        assertThat(Handovers.status(APP, code)).isEqualTo("IN_TRANSIT_TO_AGENCY");
        assertThat(receiptOf(code)).isNull();

        // the same acknowledgement signed with the agency's secret delivers the dossier
        dropAcknowledgement("dung.ack.json", ack);
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
        assertThat(receiptOf(code)).isEqualTo("GIA-0001");
    }

    private static String receiptOf(String code) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT agency_receipt_number FROM dossier WHERE code = :c")
                        .bind("c", code)
                        .mapTo(String.class)
                        .one());
    }

    @Test
    void aPackageAlreadyInPlaceIsNeverOverwrittenWhenTheHandoverIsSentAgain() throws Exception {
        String code = Handovers.digitised(APP, CLERK, 14);
        Handovers.awaitStatus(APP, code, "IN_TRANSIT_TO_AGENCY");
        String no = Handovers.handoversOf(APP, code).get(0);
        Path zip = outbox.resolve(no + ".zip");
        Handovers.await(() -> "SENT".equals(Handovers.handoverState(APP, no)), Duration.ofSeconds(10), () -> "sent");
        byte[] original = Files.readAllBytes(zip);
        // as if the node died after the rename but before recording it: the handover is due again
        APP.jdbi().useHandle(h -> {
            h.execute(
                    "UPDATE handover_item SET state = 'PENDING' WHERE handover_id = (SELECT id FROM handover WHERE no = ?)",
                    no);
            h.execute("UPDATE handover SET state = 'SENDING', sent_at = NULL WHERE no = ?", no);
            h.execute(
                    "INSERT INTO outbox (kind, handover_id, agency_code, created_at, available_at) "
                            + "SELECT 'HANDOVER_SEND', id, agency_code, now(), now() FROM handover WHERE no = ?",
                    no);
        });
        Handovers.await(
                () -> "SENT".equals(Handovers.handoverState(APP, no)), Duration.ofSeconds(10), () -> "sent again");
        assertThat(Files.readAllBytes(zip)).isEqualTo(original);
        try (Stream<Path> files = Files.list(outbox)) {
            assertThat(files.map(p -> p.getFileName().toString())
                            .filter(n -> n.startsWith(no))
                            .toList())
                    .containsExactlyInAnyOrder(no + ".zip", no + ".zip.ready");
        }
    }

    /** "Test connection" writes and removes a file in the folder; a folder that is not there is named. */
    @Test
    void theConnectionTestWritesInTheFolderAndNamesAMissingOne() throws IOException {
        AgencyProbe probe =
                new AgencyProbe(new AgencyChannels(APP.jdbi()), null, new SftpHostKeys(null, false), Clock.systemUTC());
        ConnectionCheck ok = probe.test(Dossiers.AGENCY);
        assertThat(ok.ok()).as("%s", ok).isTrue();
        assertThat(ok.message()).contains(outbox.toString());
        try (Stream<Path> left = Files.list(outbox)) {
            assertThat(left.filter(f -> f.getFileName().toString().startsWith(".probe")))
                    .isEmpty();
        }
        Path missing = TestApp.newDataDir().resolve("chua-tao/den");
        Handovers.configure(APP, "admin", Dossiers.AGENCY, Map.of("outboxDir", missing.toString()));
        try {
            ConnectionCheck none = probe.test(Dossiers.AGENCY);
            assertThat(none.ok()).isFalse();
            assertThat(none.message()).contains(missing.toString()).contains("does not exist");
        } finally {
            Handovers.configure(APP, "admin", Dossiers.AGENCY, Map.of("outboxDir", outbox.toString()));
        }
    }

    @Test
    void aFolderThatCannotBeWrittenIsRetriedUntilItCan() throws Exception {
        Path blocked = TestApp.newDataDir().resolve("not-a-folder");
        Files.writeString(blocked, "a file where the drop folder should be");
        Handovers.configure(APP, "admin", Dossiers.AGENCY, Map.of("outboxDir", blocked.toString()));
        try {
            sendsOnceTheFolderIsThere(blocked);
        } finally {
            Handovers.configure(APP, "admin", Dossiers.AGENCY, Map.of("outboxDir", outbox.toString()));
        }
    }

    @Test
    void aFolderThatDoesNotExistIsNotMadeUpButRetriedUntilTheAgencyMakesIt() throws Exception {
        Path missing = TestApp.newDataDir().resolve("chua-tao/den");
        Handovers.configure(APP, "admin", Dossiers.AGENCY, Map.of("outboxDir", missing.toString()));
        try {
            sendsOnceTheFolderIsThere(missing);
        } finally {
            Handovers.configure(APP, "admin", Dossiers.AGENCY, Map.of("outboxDir", outbox.toString()));
        }
    }

    /** A handover to {@code blocked} (missing, or a file) is tried again and again, and written once it is a folder. */
    private void sendsOnceTheFolderIsThere(Path blocked) throws IOException {
        String code = Handovers.digitised(APP, CLERK, 15);
        Handovers.awaitStatus(APP, code, "IN_TRANSIT_TO_AGENCY");
        String no = Handovers.handoversOf(APP, code).get(0);
        Handovers.await(() -> attempts(no) >= 3, Duration.ofSeconds(15), () -> "three attempts");
        assertThat(Handovers.handoverState(APP, no)).isEqualTo("SENDING");
        String lastError = Handovers.handoverError(APP, no);
        assertThat(lastError).isNotBlank();
        assertThat(Files.isDirectory(blocked))
                .as("no folder made up in its place")
                .isFalse();

        Files.deleteIfExists(blocked);
        Files.createDirectories(blocked);
        Handovers.await(
                () -> "SENT".equals(Handovers.handoverState(APP, no)),
                Duration.ofSeconds(15),
                () -> "written once the folder is there");
        assertThat(blocked.resolve(no + ".zip")).exists();
        assertThat(blocked.resolve(no + ".zip.ready")).exists();
    }

    private static int attempts(String no) {
        return APP.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT coalesce(max(o.attempts), 0) FROM outbox o JOIN handover h ON h.id = o.handover_id "
                                        + "WHERE h.no = :no")
                        .bind("no", no)
                        .mapTo(Integer.class)
                        .one());
    }

    private static void dropAcknowledgement(String name, String content) {
        InboxFiles.drop(inbox, name, content);
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
