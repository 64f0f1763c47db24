package vn.dossierpost.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;

/**
 * A primary and its streaming replica, both the embedded PostgreSQL (the same binaries as the
 * service's), each in its own folder under target/ so a test may stop and start them.
 *
 * <p>The replica is made as pg_basebackup -R makes one, through PostgreSQL's low-level backup API
 * (pg_backup_start, a copy of the data folder, pg_backup_stop writing backup_label): the embedded
 * binaries have no pg_basebackup, and the one a Debian machine has is of another major version,
 * which pg_basebackup refuses. standby.signal and primary_conninfo are then written as -R does; a
 * physical replication slot keeps on the primary the WAL the replica has not received. initdb's own
 * pg_hba.conf already lets 127.0.0.1 connect for replication, and wal_level is replica by default.
 */
public final class StreamingReplica implements AutoCloseable {
    private static final String SLOT = "replica";
    /** What pg_basebackup leaves out of a copy: PostgreSQL's own list, plus zonky's lock file. */
    private static final Set<String> NOT_COPIED =
            Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "backup_label", "tablespace_map");

    private static final Set<String> EMPTIED = Set.of(
            "pg_wal",
            "pg_replslot",
            "pg_stat_tmp",
            "pg_dynshmem",
            "pg_notify",
            "pg_serial",
            "pg_snapshots",
            "pg_subtrans");

    private final Path root;
    private final Path primaryDir;
    private final Path replicaDir;
    private final int primaryPort;
    private final int replicaPort;
    private EmbeddedPostgres primary;
    private EmbeddedPostgres replica;

    private StreamingReplica(Path root) throws IOException, SQLException {
        this.root = root;
        this.primaryDir = root.resolve("primary");
        this.replicaDir = root.resolve("replica");
        this.primary = start(primaryDir, 0);
        this.primaryPort = primary.getPort();
        makeBaseBackup();
        this.replica = start(replicaDir, 0);
        this.replicaPort = replica.getPort();
    }

    /** A primary and a replica following it, both running. */
    public static StreamingReplica start() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return new StreamingReplica(
                    Files.createTempDirectory(target, "replication-").toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make the replica", e);
        }
    }

    private static EmbeddedPostgres start(Path dir, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                // kept across a stop, so that the same server starts again on the same folder
                .setCleanDataDirectory(false)
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("listen_addresses", "127.0.0.1");
        if (port != 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    public String primaryUrl() {
        return url(primaryPort);
    }

    public String replicaUrl() {
        return url(replicaPort);
    }

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public synchronized void stopPrimary() throws IOException {
        primary.close(); // pg_ctl stop -m fast: sessions ended, a clean shutdown
        primary = null;
    }

    public synchronized void startPrimary() throws IOException {
        primary = start(primaryDir, primaryPort);
    }

    public synchronized void stopReplica() throws IOException {
        replica.close();
        replica = null;
    }

    public synchronized void startReplica() throws IOException {
        replica = start(replicaDir, replicaPort);
    }

    /**
     * Waits until the replica has replayed everything the primary had logged when this was called.
     * The insert position, not the write position: an intake commits without waiting for the disk
     * (synchronous_commit off), so its commit record may still be in the primary's WAL buffers, past
     * what {@code pg_current_wal_lsn()} reports as written.
     */
    public void awaitReplay(Duration within) throws SQLException, InterruptedException {
        String written;
        try (Connection c = connect(primaryPort);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
            r.next();
            written = r.getString(1);
        }
        long deadline = System.nanoTime() + within.toNanos();
        try (Connection c = connect(replicaPort);
                Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet r = s.executeQuery(
                        "SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '" + written + "'::pg_lsn) >= 0")) {
                    r.next();
                    if (r.getBoolean(1)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the replica did not replay up to " + written + " within " + within);
                }
                Thread.sleep(20);
            }
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection(url(port), "postgres", "");
    }

    private void makeBaseBackup() throws IOException, SQLException {
        try (Connection c = connect(primaryPort);
                Statement s = c.createStatement()) {
            // reserve the WAL from now on: the replica streams from the backup's start
            s.execute("SELECT pg_create_physical_replication_slot('" + SLOT + "', true)");
            s.execute("SELECT pg_backup_start('replica', true)"); // fast checkpoint
            copy(primaryDir, replicaDir);
            try (ResultSet r = s.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                r.next();
                Files.writeString(replicaDir.resolve("backup_label"), r.getString(1), StandardCharsets.UTF_8);
                String tablespaces = r.getString(2);
                if (tablespaces != null && !tablespaces.isEmpty()) {
                    Files.writeString(replicaDir.resolve("tablespace_map"), tablespaces, StandardCharsets.UTF_8);
                }
            }
        }
        // what pg_basebackup -R writes
        Files.createFile(replicaDir.resolve("standby.signal"));
        Files.writeString(
                replicaDir.resolve("postgresql.auto.conf"),
                "\nprimary_conninfo = 'host=127.0.0.1 port=" + primaryPort
                        + " user=postgres application_name=replica'\nprimary_slot_name = '" + SLOT + "'\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    /** Copies a running server's data folder; files that vanish meanwhile are WAL replay's to recreate. */
    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(target);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
                boolean emptied = !dir.equals(from)
                        && EMPTIED.contains(from.relativize(dir).toString());
                if (emptied) {
                    if (dir.getFileName().toString().equals("pg_wal")) {
                        Files.createDirectories(target.resolve("archive_status"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (NOT_COPIED.contains(name) || name.startsWith("pgsql_tmp") || name.equals("pg_internal.init")) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                } catch (NoSuchFileException gone) {
                    // removed by the server while copying
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    @Override
    public synchronized void close() throws IOException {
        if (replica != null) {
            replica.close();
            replica = null;
        }
        if (primary != null) {
            primary.close();
            primary = null;
        }
        // two data folders of some 60 MB each per run: not left under target/
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
