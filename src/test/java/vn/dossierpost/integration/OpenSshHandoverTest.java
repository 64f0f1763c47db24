package vn.dossierpost.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.KnownHostsFiles;
import vn.dossierpost.support.OpenSshServer;
import vn.dossierpost.support.TestApp;

/**
 * Handover over SFTP to Debian's OpenSSH sshd (internal-sftp, no chroot), logging in with a password
 * as a local user of its own, its host key pinned through {@code handover.sftpKnownHosts}: an
 * absolute outboxDir receives the package at exactly that path on the server, a relative one under
 * the login's home folder, and a server presenting another host key is refused with the handover
 * left waiting.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenSshHandoverTest {
    static final String USER = "dpsftp";
    static final String PASSWORD = "Gui&ho+so=100%";
    static final String CLERK = "clerk.hn";
    static final Path KNOWN_HOSTS = TestApp.newDataDir().resolve("known_hosts");
    /** under /tmp, readable on the way down: the SFTP login is not the user running the tests */
    static final Path root = tempRoot();
    /** the service's own key, authorized on the server for the user running the tests only */
    static final Path CLIENT_KEY = root.resolve("sshd/client_key");

    static final TestApp APP = new TestApp(
            ConfigOverride.config("handover.sftpKnownHosts", KNOWN_HOSTS.toString()),
            ConfigOverride.config("handover.sftpPrivateKey", CLIENT_KEY.toString()));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    static Path home;
    static Path absolute;
    static OpenSshServer sshd;

    @BeforeAll
    static void setUp() throws IOException {
        sshd = OpenSshServer.start(root.resolve("sshd"));
        home = root.resolve("home");
        absolute = root.resolve("srv/den");
        OpenSshServer.passwordUser(USER, PASSWORD, home);
        // the folders are the agency's to make: the service never creates them
        Files.createDirectories(absolute);
        Files.createDirectories(home.resolve("den"));
        OpenSshServer.chown(USER, home);
        OpenSshServer.chown(USER, root.resolve("srv"));
        Files.writeString(KNOWN_HOSTS, sshd.knownHostsLine(), StandardCharsets.US_ASCII);
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("admin", Role.ADMIN, null, null);
    }

    @AfterAll
    static void tearDown() {
        if (sshd != null) {
            sshd.close();
        }
        // the folders under /tmp (some owned by the password user) go with the test
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempRoot() {
        try {
            Path dir = Files.createTempDirectory("dp-openssh-");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sftpAgency(String outboxDir) {
        sftpAgency(USER, PASSWORD, outboxDir);
    }

    private static void sftpAgency(String user, String password, String outboxDir) {
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
                        sshd.port(),
                        "sftpUsername",
                        user,
                        "sftpPassword",
                        password,
                        "outboxDir",
                        outboxDir));
    }

    @Test
    void theServicesKeyLogsInWhereThePasswordIsWrong() throws IOException {
        Path folder = Files.createDirectories(root.resolve("key/den"));
        sftpAgency(OpenSshServer.currentUser(), "not-the-password", folder.toString());
        String no = handedOver(34);
        awaitSent(no);
        assertThat(folder.resolve(no + ".zip")).exists();
        assertThat(folder.resolve(no + ".zip.ready")).exists();
        assertThat(sshd.log()).contains("Accepted publickey for " + OpenSshServer.currentUser());
    }

    @Test
    void anAbsoluteOutboxDirReceivesThePackageAtExactlyThatPath() throws IOException {
        sftpAgency(absolute.toString());
        String no = handedOver(31);
        awaitSent(no);
        assertThat(absolute.resolve(no + ".zip")).exists();
        assertThat(absolute.resolve(no + ".zip.ready")).exists();
        assertThat(filesNamed(no + ".zip", home))
                .as("nothing under the home folder")
                .isEmpty();
        assertThat(filesNamed(no + ".zip", root)).containsExactly(absolute.resolve(no + ".zip"));
        assertThat(sshd.log())
                .as("the password user logged in with its password")
                .contains("Accepted password for " + USER);
    }

    @Test
    void aRelativeOutboxDirLandsUnderTheLoginsHome() throws IOException {
        sftpAgency("den");
        String no = handedOver(32);
        awaitSent(no);
        assertThat(home.resolve("den").resolve(no + ".zip")).exists();
        assertThat(home.resolve("den").resolve(no + ".zip.ready")).exists();
        assertThat(filesNamed(no + ".zip", root))
                .containsExactly(home.resolve("den").resolve(no + ".zip"));
    }

    @Test
    void aServerPresentingAnotherHostKeyIsRefusedAndTheHandoverWaits() throws IOException {
        String pinned = Files.readString(KNOWN_HOSTS, StandardCharsets.US_ASCII);
        Files.copy(
                KnownHostsFiles.pinning("[127.0.0.1]:" + sshd.port()),
                KNOWN_HOSTS,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String no;
        try {
            sftpAgency(absolute.toString());
            no = handedOver(33);
            Handovers.await(
                    () -> Handovers.handoverError(APP, no) != null,
                    Duration.ofSeconds(15),
                    () -> "a failed attempt at " + no);
            assertThat(Handovers.handoverState(APP, no)).isEqualTo("SENDING");
            assertThat(Handovers.handoverError(APP, no)).containsIgnoringCase("HostKey");
            assertThat(filesNamed(no + ".zip", root)).isEmpty();
        } finally {
            Files.writeString(KNOWN_HOSTS, pinned, StandardCharsets.US_ASCII);
        }
        // the same handover goes once the right key is pinned again
        awaitSent(no);
        assertThat(absolute.resolve(no + ".zip")).exists();
    }

    @Test
    void aFolderMissingOnTheServerIsTheAgencysSendErrorUntilItIsMade() throws IOException {
        Path missing = root.resolve("srv/chua-tao");
        sftpAgency(missing.toString());
        String no = handedOver(35);
        Handovers.await(
                () -> Handovers.handoverError(APP, no) != null,
                Duration.ofSeconds(15),
                () -> "a failed attempt at " + no);
        assertThat(Handovers.handoverState(APP, no)).isEqualTo("SENDING");
        assertThat(missing).as("not made up by the service").doesNotExist();
        assertThat((String) agency().get("sendError"))
                .as("the agency's admin view says which handover and why")
                .startsWith(no + ": ")
                .contains("No such file");
        Map<String, Object> camel = APP.healthCheck("camel");
        assertThat(camel).containsEntry("healthy", false);
        assertThat(camel.get("agencies").toString())
                .contains(Dossiers.AGENCY + "=sending fails")
                .doesNotContain("chua-tao");

        // the agency makes its folder: the same handover lands there, and the error is gone
        Files.createDirectories(missing);
        OpenSshServer.chown(USER, missing);
        awaitSent(no);
        assertThat(missing.resolve(no + ".zip")).exists();
        assertThat(agency().get("sendError")).isNull();
        assertThat(APP.healthCheck("camel")).containsEntry("healthy", true);
    }

    private static Map<String, Object> agency() {
        return TestApp.json(APP.as("admin", "/api/agencies/" + Dossiers.AGENCY).get());
    }

    private static String handedOver(int seed) {
        String code = Handovers.digitised(APP, CLERK, seed);
        Handovers.awaitStatus(APP, code, "IN_TRANSIT_TO_AGENCY");
        return Handovers.handoversOf(APP, code).get(0);
    }

    private static void awaitSent(String no) {
        Handovers.await(
                () -> "SENT".equals(Handovers.handoverState(APP, no)),
                Duration.ofSeconds(20),
                () -> no + " SENT; last error: " + Handovers.handoverError(APP, no) + "; sshd: " + sshd.log());
    }

    private static java.util.List<Path> filesNamed(String name, Path under) {
        try (Stream<Path> all = Files.walk(under)) {
            return all.filter(p -> p.getFileName().toString().equals(name)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
