package vn.dossierpost.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's OpenSSH {@code sshd}, started as a child process on a free loopback port with a config, a
 * host key and an authorized_keys file of its own under a temporary folder, serving SFTP through
 * {@code internal-sftp} (no chroot: paths are the machine's own, as on an agency's server). One per
 * test class. Where sshd is not installed the tests are skipped on a developer's machine but fail
 * with {@code CI=true}: a missing install step must not pass unnoticed.
 *
 * <p>sshd refuses a password for root unless told otherwise, and a test usually runs as root here: a
 * password login needs a user of its own ({@link #passwordUser}), which only root can create.
 */
public final class OpenSshServer implements AutoCloseable {
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");

    private final Path dir;
    private final int port;
    private final Process process;

    private OpenSshServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** The user running the tests, whose key ({@link #clientKey}) this server takes. */
    public static String currentUser() {
        return System.getProperty("user.name");
    }

    /** Starts sshd under {@code dir} (created), or skips (fails with CI=true) where it is not installed. */
    public static OpenSshServer start(Path dir) {
        if (!Files.isExecutable(SSHD) || !Files.isExecutable(SSH_KEYGEN)) {
            String why = "OpenSSH's sshd is needed at " + SSHD + " (apt-get install openssh-server)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        try {
            Files.createDirectories(dir);
            run(
                    SSH_KEYGEN.toString(),
                    "-q",
                    "-t",
                    "ed25519",
                    "-N",
                    "",
                    "-f",
                    dir.resolve("host_key").toString());
            run(
                    SSH_KEYGEN.toString(),
                    "-q",
                    "-t",
                    "ed25519",
                    "-N",
                    "",
                    "-f",
                    dir.resolve("client_key").toString());
            Files.copy(
                    dir.resolve("client_key.pub"), dir.resolve("authorized_keys." + System.getProperty("user.name")));
            if (isRoot()) {
                // sshd will not start without its privilege separation folder (made at boot by its service)
                Files.createDirectories(Path.of("/run/sshd"));
            }
            int port = freePort();
            Path config = dir.resolve("sshd_config");
            Files.writeString(config, config(dir, port), StandardCharsets.US_ASCII);
            Process p = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("sshd.log").toFile())
                    .start();
            OpenSshServer server = new OpenSshServer(dir, port, p);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String config(Path dir, int port) {
        return String.join(
                "\n",
                "ListenAddress 127.0.0.1",
                "Port " + port,
                "HostKey " + dir.resolve("host_key"),
                "PidFile none",
                "StrictModes no",
                "UsePAM no",
                "PermitRootLogin yes",
                "PasswordAuthentication yes",
                "PubkeyAuthentication yes",
                "KbdInteractiveAuthentication no",
                // %u: the key is authorized for the user running the tests only, not the password user
                "AuthorizedKeysFile " + dir.resolve("authorized_keys.%u"),
                "Subsystem sftp internal-sftp",
                "ForceCommand internal-sftp",
                "");
    }

    public int port() {
        return port;
    }

    /** The known_hosts line pinning this server's host key for {@code [127.0.0.1]:port}. */
    public String knownHostsLine() {
        try {
            String[] pub = Files.readString(dir.resolve("host_key.pub"), StandardCharsets.US_ASCII)
                    .trim()
                    .split(" ");
            return "[127.0.0.1]:" + port + " " + pub[0] + " " + pub[1] + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The private key whose public half is in this server's authorized_keys (for the current user). */
    public Path clientKey() {
        return dir.resolve("client_key");
    }

    /** What sshd logged so far (for failure messages). */
    public String log() {
        try {
            return Files.readString(dir.resolve("sshd.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * A local user {@code name} with {@code password} whose home is {@code home} (made and owned by
     * it), created (or re-pointed) with useradd/usermod and chpasswd; skipped where not root.
     */
    public static void passwordUser(String name, String password, Path home) {
        Assumptions.assumeTrue(isRoot(), "a password user can only be created as root");
        try {
            Files.createDirectories(home);
            if (runStatus("id", "-u", name) != 0) {
                run("useradd", "-M", "-d", home.toString(), "-s", "/usr/sbin/nologin", name);
            } else {
                run("usermod", "-d", home.toString(), name);
            }
            Process p = new ProcessBuilder("chpasswd").redirectErrorStream(true).start();
            p.getOutputStream().write((name + ":" + password + "\n").getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(
                        "chpasswd failed: " + new String(p.getInputStream().readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Gives {@code folder} (and what is in it) to {@code user}, so that its SFTP login may write there. */
    public static void chown(String user, Path folder) {
        run("chown", "-R", user + ":", folder.toString());
    }

    /** Stops sshd by its own process id (its children, the sessions, go with it). */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening() {
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd stopped at start: " + log());
            }
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        close();
        throw new IllegalStateException("sshd did not listen on " + port + ": " + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void run(String... command) {
        int status = runStatus(command);
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + status);
        }
    }

    private static int runStatus(String... command) {
        try {
            List<String> c = new ArrayList<>(List.of(command));
            Process p = new ProcessBuilder(c)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
