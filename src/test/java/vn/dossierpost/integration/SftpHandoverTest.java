package vn.dossierpost.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.RejectAllPublickeyAuthenticator;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.service.catalogue.AgencyChannels;
import vn.dossierpost.service.catalogue.SftpHostKeys;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.InboxFiles;
import vn.dossierpost.support.Scans;
import vn.dossierpost.support.TestApp;

/**
 * Handover over SFTP to a real SFTP server (Apache MINA SSHD on loopback, password login, a virtual
 * file system rooted in a temporary folder), configured through the admin API as an administrator
 * would: the package and its done file land in the agency's folder on the server, nothing is left
 * under a {@code .part} name, the handover is SENT and the acknowledgement file from the local inbox
 * delivers the dossier. The service runs with a known_hosts file pinning the server's key, so a server
 * presenting another key is refused before the password is ever sent to it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SftpHandoverTest {
    static final Path ROOT = TestApp.newDataDir();
    static final Path KNOWN_HOSTS = ROOT.resolve("known_hosts");
    static final TestApp APP = new TestApp(ConfigOverride.config("handover.sftpKnownHosts", KNOWN_HOSTS.toString()));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CLERK = "clerk.hn";
    static final String USER = "buudien";
    /** & and + (and % and =) would be URI syntax if the password were not passed through as it is */
    static final String PASSWORD = "Bd&gui+ho so=100%";

    static final Path SERVER_ROOT = ROOT.resolve("sftp");
    static final Path IMPOSTOR_ROOT = ROOT.resolve("impostor");
    static final Path INBOX = ROOT.resolve("so-tu-phap/di");
    static final List<String> PASSWORDS_SEEN = new CopyOnWriteArrayList<>();
    static final List<String> PASSWORDS_SEEN_BY_IMPOSTOR = new CopyOnWriteArrayList<>();
    /** what the server takes as the password (one test changes it) */
    static volatile String serverPassword = PASSWORD;

    static SshServer server;
    static SshServer impostor;

    @BeforeAll
    static void setUp() throws Exception {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("admin", Role.ADMIN, null, null);
        // the folder is the agency's to make: the service never creates it
        Files.createDirectories(SERVER_ROOT.resolve("den"));
        Files.createDirectories(IMPOSTOR_ROOT.resolve("den"));
        Files.createDirectories(INBOX);
        KeyPair hostKey = ecKeyPair();
        server = sftpServer(SERVER_ROOT, hostKey, PASSWORDS_SEEN);
        impostor = sftpServer(IMPOSTOR_ROOT, ecKeyPair(), PASSWORDS_SEEN_BY_IMPOSTOR);
        // the agency's key is pinned for both ports: the impostor answers on its port with another key
        String key = PublicKeyEntry.toString(hostKey.getPublic());
        Files.writeString(
                KNOWN_HOSTS,
                "[127.0.0.1]:" + server.getPort() + " " + key + "\n" + "[127.0.0.1]:" + impostor.getPort() + " " + key
                        + "\n",
                StandardCharsets.US_ASCII);

        Handovers.configure(
                APP,
                "admin",
                Dossiers.AGENCY,
                Map.of(
                        "channel",
                        "SFTP",
                        "sftpHost",
                        "127.0.0.1",
                        "sftpPort",
                        server.getPort(),
                        "sftpUsername",
                        USER,
                        "sftpPassword",
                        PASSWORD,
                        "outboxDir",
                        "den",
                        "inboxDir",
                        INBOX.toString()));
    }

    @AfterAll
    static void tearDown() throws IOException {
        for (SshServer s : new SshServer[] {server, impostor}) {
            if (s != null) {
                s.stop(true);
            }
        }
    }

    @Test
    void packageAndDoneFileLandOnTheServerThenTheAcknowledgementDelivers() throws Exception {
        Map<String, Object> view =
                TestApp.json(APP.as("admin", "/api/agencies/" + Dossiers.AGENCY).get());
        assertThat(view)
                .containsEntry("channel", "SFTP")
                .containsEntry("sftpPasswordSet", true)
                .containsEntry("secretSet", true)
                .containsEntry("configured", true)
                .containsEntry("route", "Started")
                .doesNotContainKeys("sftpPassword", "secret");
        assertThat(JSON.writeValueAsString(view)).doesNotContain(PASSWORD).doesNotContain(Handovers.SECRET);

        String code = Handovers.digitised(APP, CLERK, 21);
        Handovers.awaitStatus(APP, code, "IN_TRANSIT_TO_AGENCY");
        String no = Handovers.handoversOf(APP, code).get(0);
        Path folder = SERVER_ROOT.resolve("den");
        Path ready = folder.resolve(no + ".zip.ready");
        Handovers.await(
                () -> Files.exists(ready),
                Duration.ofSeconds(15),
                () -> ready + " on the SFTP server; passwords the server saw: " + PASSWORDS_SEEN + "; last error: "
                        + Handovers.handoverError(APP, no));
        Handovers.await(
                () -> "SENT".equals(Handovers.handoverState(APP, no)),
                Duration.ofSeconds(10),
                () -> "handover " + no + " SENT");

        assertThat(PASSWORDS_SEEN).contains(PASSWORD);
        Map<String, byte[]> entries = unzip(folder.resolve(no + ".zip"));
        byte[] manifestBytes = entries.get("manifest.json");
        assertThat(manifestBytes).isNotNull();
        assertThat(Files.readString(ready, StandardCharsets.UTF_8))
                .isEqualTo("sha256=" + HttpHandoverTest.hmac(manifestBytes, Handovers.SECRET));
        JsonNode manifest = JSON.readTree(manifestBytes);
        assertThat(manifest.get("handoverNo").asText()).isEqualTo(no);
        JsonNode dossier = manifest.get("dossiers").get(0);
        assertThat(dossier.get("dossierCode").asText()).isEqualTo(code);
        int files = 0;
        for (JsonNode c : dossier.get("components")) {
            for (JsonNode f : c.get("files")) {
                assertThat(Scans.sha256(entries.get(f.get("path").asText())))
                        .as(f.get("path").asText())
                        .isEqualTo(f.get("sha256").asText());
                files++;
            }
        }
        assertThat(files).isEqualTo(2);
        try (Stream<Path> names = Files.list(folder)) {
            assertThat(names.map(p -> p.getFileName().toString())
                            .filter(n -> n.startsWith(no))
                            .toList())
                    .containsExactlyInAnyOrder(no + ".zip", no + ".zip.ready");
        }
        assertThat(partFiles(SERVER_ROOT)).isEmpty();
        // the package staged on local disk is removed once it is on the server
        Path staged = Path.of(EXT.getConfiguration().getDataDir())
                .resolve("handovers")
                .resolve(no + ".zip");
        Handovers.await(() -> !Files.exists(staged), Duration.ofSeconds(5), () -> staged + " removed from staging");

        String ack = """
                {"handoverNo": "%s", "receipts": [{"dossierCode": "%s", "receiptNumber": "STP-HN-0021", "receivedAt": "2026-11-23T08:05:00+07:00"}]}
                """.formatted(no, code);
        // an SFTP agency's acknowledgements come through the same signed inbox: unsigned, nothing applied
        InboxFiles.dropWithDoneFile(INBOX, "khong-ky.ack.json", ack.getBytes(StandardCharsets.UTF_8), "");
        Path refused = INBOX.resolve(".failed/khong-ky.ack.json.error.txt");
        Handovers.await(() -> Files.exists(refused), Duration.ofSeconds(10), () -> refused.toString());
        assertThat(Files.readString(refused, StandardCharsets.UTF_8)).contains("unsigned");
        assertThat(Handovers.status(APP, code)).isEqualTo("IN_TRANSIT_TO_AGENCY");
        InboxFiles.drop(INBOX, "bg.ack.json", ack);
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
        Handovers.await(
                () -> Files.exists(INBOX.resolve(".done/bg.ack.json")),
                Duration.ofSeconds(10),
                () -> "ack moved to .done");
        assertThat(Handovers.eventTypes(APP, code)).containsOnlyOnce("DELIVERED_TO_AGENCY");
    }

    @Test
    void aServerWithAnotherHostKeyIsRefusedBeforeTheLoginAndTheHandoverWaits() throws Exception {
        Handovers.configure(APP, "admin", Dossiers.AGENCY, Map.of("sftpPort", impostor.getPort()));
        String no;
        try {
            String code = Handovers.digitised(APP, CLERK, 22);
            Handovers.awaitStatus(APP, code, "IN_TRANSIT_TO_AGENCY");
            no = Handovers.handoversOf(APP, code).get(0);
            Handovers.await(
                    () -> attempts(no) >= 2 || !"SENDING".equals(Handovers.handoverState(APP, no)),
                    Duration.ofSeconds(15),
                    () -> "two attempts at " + no);
            assertThat(Handovers.handoverState(APP, no)).isEqualTo("SENDING");
            assertThat(Handovers.handoverError(APP, no))
                    .as("names the host key as the reason")
                    .containsIgnoringCase("HostKey");
            assertThat(PASSWORDS_SEEN_BY_IMPOSTOR)
                    .as("the password must not reach a server with the wrong key")
                    .isEmpty();
            try (Stream<Path> all = Files.walk(IMPOSTOR_ROOT)) {
                assertThat(all.filter(Files::isRegularFile).toList()).isEmpty();
            }
        } finally {
            Handovers.configure(APP, "admin", Dossiers.AGENCY, Map.of("sftpPort", server.getPort()));
        }
        // the same handover goes to the right server once it is configured again
        Handovers.await(
                () -> "SENT".equals(Handovers.handoverState(APP, no)),
                Duration.ofSeconds(15),
                () -> no + " sent to the right server");
        assertThat(SERVER_ROOT.resolve("den").resolve(no + ".zip.ready")).exists();
        assertThat(SERVER_ROOT.resolve("den").resolve(no + ".zip")).exists();
    }

    /** "Test connection" logs in and finds the folder; a server with another host key never sees the password. */
    @Test
    void theConnectionTestLogsInAndRefusesAServerWithAnotherHostKey() {
        AgencyProbe probe = new AgencyProbe(
                new AgencyChannels(APP.jdbi()), null, new SftpHostKeys(KNOWN_HOSTS, false), Clock.systemUTC());
        ConnectionCheck ok = probe.test(Dossiers.AGENCY);
        assertThat(ok.ok()).as("%s", ok).isTrue();
        assertThat(ok.message())
                .contains(USER + "@127.0.0.1:" + server.getPort())
                .contains("den");
        Handovers.configure(APP, "admin", Dossiers.AGENCY, Map.of("sftpPort", impostor.getPort()));
        try {
            ConnectionCheck impostorCheck = probe.test(Dossiers.AGENCY);
            assertThat(impostorCheck.ok()).isFalse();
            assertThat(impostorCheck.message()).containsIgnoringCase("HostKey");
            assertThat(PASSWORDS_SEEN_BY_IMPOSTOR).isEmpty();
        } finally {
            Handovers.configure(APP, "admin", Dossiers.AGENCY, Map.of("sftpPort", server.getPort()));
        }
    }

    @Test
    void aPasswordHoldingACloseParenthesisThenAnAmpersandLogsInToo() {
        String tricky = "x)&y+z(1)";
        serverPassword = tricky;
        Handovers.configure(APP, "admin", Dossiers.AGENCY, Map.of("sftpPassword", tricky));
        try {
            String code = Handovers.digitised(APP, CLERK, 23);
            Handovers.awaitStatus(APP, code, "IN_TRANSIT_TO_AGENCY");
            String no = Handovers.handoversOf(APP, code).get(0);
            Handovers.await(
                    () -> "SENT".equals(Handovers.handoverState(APP, no)),
                    Duration.ofSeconds(15),
                    () -> no + " SENT; passwords the server saw: " + PASSWORDS_SEEN + "; last error: "
                            + Handovers.handoverError(APP, no));
            assertThat(SERVER_ROOT.resolve("den").resolve(no + ".zip.ready")).exists();
            assertThat(PASSWORDS_SEEN).contains(tricky);
        } finally {
            serverPassword = PASSWORD;
            Handovers.configure(APP, "admin", Dossiers.AGENCY, Map.of("sftpPassword", PASSWORD));
        }
        assertThat(PASSWORDS_SEEN)
                .as("no password arrived mangled")
                .allMatch(p -> p.equals(PASSWORD) || p.equals(tricky));
    }

    private static SshServer sftpServer(Path root, KeyPair hostKey, List<String> passwordsSeen) throws IOException {
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        sshd.setPasswordAuthenticator((username, password, session) -> {
            passwordsSeen.add(password);
            return USER.equals(username) && serverPassword.equals(password);
        });
        sshd.setPublickeyAuthenticator(RejectAllPublickeyAuthenticator.INSTANCE);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
        sshd.start();
        return sshd;
    }

    private static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static List<Path> partFiles(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
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

    @Test
    void aNoticeToTheAgencyLandsOnTheServerWithItsDoneFile() throws Exception {
        String code = (String) TestApp.json(APP.post(CLERK, "/api/dossiers", Dossiers.judicialRecord()))
                .get("code");
        long id = APP.jdbi()
                .withHandle(h -> h.createUpdate(
                                "INSERT INTO outbox (kind, dossier_id, agency_code, payload, created_at, "
                                        + "available_at) SELECT 'AGENCY_NOTICE', id, agency_code, CAST(:payload AS jsonb), now(), now() FROM dossier WHERE code = :c")
                        .bind("c", code)
                        .bind(
                                "payload",
                                "{\"eventId\": \"" + code + "/RESULT_RETURNED\", \"reason\": \"Quá hạn lưu giữ\"}")
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one());
        Path notice = SERVER_ROOT.resolve("den/notice-" + id + ".jsonl");
        Handovers.await(
                () -> Files.exists(notice.resolveSibling(notice.getFileName() + ".ready")),
                Duration.ofSeconds(20),
                () -> "the notice on the SFTP server");
        assertThat(JSON.readTree(Files.readString(notice, StandardCharsets.UTF_8))
                        .path("reason")
                        .asText())
                .isEqualTo("Quá hạn lưu giữ");
    }
}
