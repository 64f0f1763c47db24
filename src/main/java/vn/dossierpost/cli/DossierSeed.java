package vn.dossierpost.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Adds dossiers set-based (INSERT … SELECT generate_series, a batch per transaction) as the real
 * write paths leave them: the dossier with its documents, a timeline event per status it went
 * through, its payment, the handover (record and item) that took it to the agency, the pickup of the
 * result, the return item with its delivery attempt, and some applicants' ratings. Applicants have
 * Vietnamese names (family names weighted as in the population), valid CCCD numbers and mobile
 * numbers; dossiers are spread over every office and postal procedure, received over the last 400
 * days, each in a status that fits its age. The due days are those of a dossier moving at the
 * usual pace (handed over by J+2, the result by J+11, back with the applicant by J+14, whatever the
 * procedure's own time); about one leg in eight to the agency, one in five at the agency and one in
 * sixteen back to the applicant is late by days, so the timeliness report has something to count.
 *
 * <p>Identifiers are valid and never meet the counter's own: dossier codes take the next numbers of
 * the agency's per-day counter ({@code dossier_code_sequence}, moved on in the batch's transaction,
 * so intake goes on after them); S10 numbers (outbound and return) come from a range of prefix
 * {@value #PREFIX} right after any earlier one, recorded as a used-up series so no series loaded
 * later issues them again. Scans (files in the blob store) and the applicant's messages are not
 * written. Rows it writes carry {@code received_by} / {@code actor} {@value #ACTOR}.
 */
final class DossierSeed {
    static final String ACTOR = "bench-seed";
    static final String PREFIX = "BX";
    private static final int MAX_SEQUENCE = 9999;
    private static final long MAX_SERIAL = 99_999_999L;
    /** Taken by a batch while it reserves its numbers, so that batches on other connections take the next ones. */
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('bench-seed'))";

    /** A status on a path: hours after intake, which late leg pushes it (0 none, 1–3), and who acts. */
    private record Step(String status, int hours, int leg, boolean agency) {}

    private static final Step RECEIVED = new Step("RECEIVED", 0, 0, false);
    private static final Step DIGITISED = new Step("DIGITISED", 1, 0, false);
    private static final Step IN_TRANSIT = new Step("IN_TRANSIT_TO_AGENCY", 20, 0, false);
    private static final Step AT_AGENCY = new Step("DELIVERED_TO_AGENCY", 30, 1, true);
    private static final Step PROCESSING = new Step("IN_PROCESSING", 50, 1, true);
    private static final Step READY = new Step("RESULT_READY", 230, 2, true);
    private static final Step COLLECTED = new Step("RESULT_COLLECTED", 250, 2, false);
    private static final Step OUT = new Step("OUT_FOR_DELIVERY", 270, 2, false);
    private static final Step DELIVERED = new Step("DELIVERED", 275, 3, false);
    private static final Step FAILED = new Step("DELIVERY_FAILED", 275, 3, false);
    private static final Step HELD = new Step("HELD_AT_OFFICE", 300, 3, false);

    private static final List<Step> MAIN =
            List.of(RECEIVED, DIGITISED, IN_TRANSIT, AT_AGENCY, PROCESSING, READY, COLLECTED, OUT, DELIVERED);

    /** Every status a seeded dossier may stand in, with the statuses it went through (DossierTransitions' moves). */
    private static final List<List<Step>> PATHS = List.of(
            MAIN.subList(0, 1),
            MAIN.subList(0, 2),
            MAIN.subList(0, 3),
            MAIN.subList(0, 4),
            MAIN.subList(0, 5),
            MAIN.subList(0, 6),
            MAIN.subList(0, 7),
            MAIN.subList(0, 8),
            MAIN,
            List.of(RECEIVED, DIGITISED, new Step("WITHDRAWN", 2, 0, false)),
            List.of(
                    RECEIVED,
                    DIGITISED,
                    IN_TRANSIT,
                    AT_AGENCY,
                    PROCESSING,
                    new Step("SUPPLEMENT_REQUESTED", 60, 1, true)),
            List.of(RECEIVED, DIGITISED, IN_TRANSIT, AT_AGENCY, PROCESSING, new Step("REFUSED", 120, 1, true)),
            List.of(RECEIVED, DIGITISED, IN_TRANSIT, AT_AGENCY, PROCESSING, READY, COLLECTED, OUT, FAILED, HELD),
            List.of(
                    RECEIVED,
                    DIGITISED,
                    IN_TRANSIT,
                    AT_AGENCY,
                    PROCESSING,
                    READY,
                    COLLECTED,
                    OUT,
                    FAILED,
                    HELD,
                    new Step("RETURNED_TO_AGENCY", 660, 3, false)));

    private DossierSeed() {}

    /** The tables the seed writes, and the projections it rebuilds after. */
    private static final List<String> TABLES = List.of(
            "dossier",
            "dossier_event",
            "dossier_component",
            "payment",
            "handover",
            "handover_item",
            "pickup",
            "delivery",
            "delivery_attempt",
            "rating",
            "dossier_tracking",
            "report_dossier");

    /** Opens a connection of its own for each worker. */
    interface Connections {
        Connection open() throws SQLException;
    }

    /** Adds dossiers until there are {@code target}; returns how many were added. */
    static long fillTo(
            Connection c, Connections workers, long target, int batch, int threads, String zone, PrintStream out)
            throws SQLException {
        long have = count(c, "SELECT count(*) FROM dossier");
        return have >= target ? 0 : add(c, workers, target - have, batch, threads, zone, out);
    }

    /**
     * Adds {@code n} dossiers in batches of {@code batch}, {@code threads} batches at a time (each on
     * a connection of its own), printing progress; returns {@code n}. {@code c} drops and builds the
     * indexes and rebuilds what is derived.
     */
    static long add(Connection c, Connections workers, long n, int batch, int threads, String zone, PrintStream out)
            throws SQLException {
        if (n < 1 || batch < 1 || threads < 1) {
            throw new IllegalArgumentException("--dossiers, --batch and --workers must be at least 1");
        }
        restoreIndexes(c, workers, out); // left by a seed that was stopped before its end
        if (n >= count(c, "SELECT count(*) FROM dossier")) {
            try (Statement s = c.createStatement()) {
                dropIndexes(s, out);
            }
        }
        try {
            new Batches(workers, n, batch, zone, out).run(threads);
        } catch (SQLException | RuntimeException e) {
            try {
                restoreIndexes(c, workers, out);
            } catch (SQLException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        afterSeeding(c, workers, out);
        return n;
    }

    /** The batches of one seed, shared out among worker threads as they finish the one before. */
    private static final class Batches {
        private final Connections connections;
        private final long n;
        private final int batch;
        private final String zone;
        private final PrintStream out;
        private final AtomicLong taken = new AtomicLong();
        private final AtomicLong added = new AtomicLong();
        private final long t0 = System.nanoTime();

        Batches(Connections connections, long n, int batch, String zone, PrintStream out) {
            this.connections = connections;
            this.n = n;
            this.batch = batch;
            this.zone = zone;
            this.out = out;
        }

        void run(int threads) throws SQLException {
            inParallel(threads, this::work);
        }

        private Void work() throws SQLException {
            try (Connection c = connections.open();
                    Statement s = c.createStatement()) {
                s.execute("SET synchronous_commit = off");
                // the projections' triggers would refresh rows one insert at a time: off while seeding,
                // the projections are rebuilt set-based after (needs a superuser, as the embedded one)
                s.execute("SET session_replication_role = replica");
                s.execute(paths());
                for (long from = taken.getAndAdd(batch); from < n; from = taken.getAndAdd(batch)) {
                    int size = (int) Math.min(batch, n - from);
                    long tb = System.nanoTime();
                    long rows = batch(c, s, size, zone);
                    double secs = (System.nanoTime() - tb) / 1e9;
                    out.printf(
                            Locale.ROOT,
                            "  %,d of %,d dossiers (a batch: %,d rows in %.1f s, %,.0f dossiers/s; %.0f s in all)%n",
                            added.addAndGet(size),
                            n,
                            rows,
                            secs,
                            size / secs,
                            (System.nanoTime() - t0) / 1e9);
                    out.flush();
                }
            }
            return null;
        }
    }

    /** Runs {@code threads} copies of {@code work}; the first failure is thrown once all have ended. */
    private static void inParallel(int threads, Callable<Void> work) throws SQLException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                running.add(pool.submit(work));
            }
            Exception failed = null;
            for (Future<Void> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (failed == null) {
                        failed = e.getCause() instanceof Exception cause ? cause : e;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed = e;
                }
            }
            if (failed instanceof SQLException e) {
                throw e;
            }
            if (failed instanceof RuntimeException e) {
                throw e;
            }
            if (failed != null) {
                throw new IllegalStateException(failed);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * When a seed at least doubles the dossiers, the plain secondary indexes of the tables it writes
     * are dropped and built again at the end: past a million dossiers keeping them up row by row
     * (random keys, a full page image of each touched page after every checkpoint) costs several
     * times the inserts, and one sorted build each is much faster. Primary keys and unique indexes
     * stay (they keep the identifiers unique). The definitions are kept in a table of their own, in the
     * transaction that drops them, so a seed killed midway leaves them for the next seed to rebuild.
     */
    private static void dropIndexes(Statement s, PrintStream out) throws SQLException {
        String tables = TABLES.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", "));
        inTransaction(
                s,
                "CREATE TABLE IF NOT EXISTS bench_seed_dropped_index (name text PRIMARY KEY, definition text NOT NULL); "
                        + "INSERT INTO bench_seed_dropped_index SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                        + "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid "
                        + "WHERE t.relname IN (" + tables + ") AND t.relnamespace = current_schema()::regnamespace "
                        + "AND NOT i.indisunique AND NOT i.indisprimary ON CONFLICT DO NOTHING; "
                        + "DO $$ DECLARE r record; BEGIN FOR r IN SELECT name FROM bench_seed_dropped_index LOOP "
                        + "EXECUTE format('DROP INDEX IF EXISTS %I', r.name); END LOOP; END $$");
        out.printf(
                Locale.ROOT,
                "  %d secondary indexes dropped while seeding, built again at the end%n",
                count(s.getConnection(), "SELECT count(*) FROM bench_seed_dropped_index"));
    }

    /** Builds again the indexes {@link #dropIndexes} dropped, if any. */
    private static void restoreIndexes(Connection c, Connections connections, PrintStream out) throws SQLException {
        List<Job> builds = indexBuilds(c);
        if (!builds.isEmpty()) {
            long t0 = System.nanoTime();
            onTwoConnections(connections, builds, out);
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE bench_seed_dropped_index");
            }
            out.printf(
                    Locale.ROOT,
                    "  %d secondary indexes built (%.0f s)%n",
                    builds.size(),
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    /** A statement for each index {@link #dropIndexes} dropped, which builds it and takes it off the list. */
    private static List<Job> indexBuilds(Connection c) throws SQLException {
        List<Job> builds = new ArrayList<>();
        if (count(
                        c,
                        "SELECT count(*) FROM pg_class WHERE relname = 'bench_seed_dropped_index' "
                                + "AND relnamespace = current_schema()::regnamespace")
                == 0) {
            return builds;
        }
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT name FROM bench_seed_dropped_index ORDER BY name")) {
            while (r.next()) {
                String name = r.getString(1);
                builds.add(new Job(
                        "index " + name,
                        "DO $$ DECLARE d text; BEGIN SELECT definition INTO d FROM bench_seed_dropped_index "
                                + "WHERE name = '" + name
                                + "'; EXECUTE replace(d, 'CREATE INDEX ', 'CREATE INDEX IF NOT EXISTS '); "
                                + "DELETE FROM bench_seed_dropped_index WHERE name = '" + name + "'; END $$"));
            }
        }
        return builds;
    }

    private static void inTransaction(Statement s, String sql) throws SQLException {
        inTransaction(s.getConnection(), () -> s.execute(sql));
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    /** {@code work} in one transaction, committed if it returns, rolled back if it throws. */
    private static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } finally {
            if (!c.getAutoCommit()) {
                c.rollback(); // nothing left after a commit; undoes the work after a failure
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * After seeding, rebuild derived tables: every table kept from the dossiers and their timeline
     * (a projection, a summary) is rebuilt here, by one set-based statement each, because the seed
     * writes the base tables directly and not through the service that keeps them. First the base
     * tables' statistics, so the rebuilds are planned for the rows just written, and the dropped
     * indexes: the report projection's rebuild finds who held each late leg through the timeline's
     * index (without it, a scan of the whole timeline for each). Then the two projections at once,
     * each one statement on one core, and beside them the planner's statistics and the visibility
     * map (VACUUM ANALYZE) of every table, so the first queries after a seed are planned for its size
     * and read no fresh rows' commit status one by one. Each step on two connections.
     */
    private static void afterSeeding(Connection c, Connections connections, PrintStream out) throws SQLException {
        long t0 = System.nanoTime();
        List<String> projections = List.of("dossier_tracking", "report_dossier");
        List<String> base = Stream.concat(
                        TABLES.stream().filter(t -> !projections.contains(t)),
                        Stream.of("dossier_code_sequence", "s10_series"))
                .toList();
        onTwoConnections(
                connections,
                base.stream().map(t -> new Job("analyse " + t, "ANALYZE " + t)).toList(),
                out);
        restoreIndexes(c, connections, out);
        List<Job> jobs = new ArrayList<>();
        projections.forEach(p -> jobs.add(new Job("projection " + p, "SELECT " + p + "_rebuild()")));
        // the projections' own last: their rebuild holds them
        Stream.concat(base.stream(), projections.stream())
                .forEach(t -> jobs.add(new Job("vacuum " + t, "VACUUM ANALYZE " + t)));
        onTwoConnections(connections, jobs, out);
        out.printf(
                Locale.ROOT,
                "  derived tables rebuilt, indexes built, statistics taken (%.0f s)%n",
                (System.nanoTime() - t0) / 1e9);
    }

    /** A statement of the work around the batches, and its name in the progress lines. */
    private record Job(String label, String sql) {}

    /**
     * Runs the jobs, each once and in their order, on two connections of their own, each taking the
     * next as it is free (one that needs a lock the other holds waits for it); prints those that took
     * more than ten seconds.
     */
    private static void onTwoConnections(Connections connections, List<Job> jobs, PrintStream out) throws SQLException {
        Queue<Job> left = new ConcurrentLinkedQueue<>(jobs);
        inParallel(2, () -> {
            try (Connection own = connections.open();
                    Statement s = own.createStatement()) {
                s.execute("SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'");
                for (Job job = left.poll(); job != null; job = left.poll()) {
                    long t0 = System.nanoTime();
                    s.execute(job.sql());
                    double secs = (System.nanoTime() - t0) / 1e9;
                    if (secs > 10) {
                        out.printf(Locale.ROOT, "  %s (%.0f s)%n", job.label(), secs);
                        out.flush();
                    }
                }
            }
            return null;
        });
    }

    /**
     * One batch. Its S10 range and its dossier codes are taken first, each in a short transaction of
     * its own, so that batches on other connections wait for neither; then its rows in one
     * transaction. A batch that fails after taking them leaves those numbers unused, never given twice.
     */
    private static long batch(Connection c, Statement s, int size, String zone) throws SQLException {
        long serial = s10Range(c, s, size);
        String tz = "'" + zone.replace("'", "''") + "'";
        s.execute(DossierSeedSql.STAGE
                .replace(":size", Integer.toString(size))
                .replace(":serial", Long.toString(serial))
                .replace(":tz", tz));
        // the same lock as the S10 range: two batches moving counters on at once could deadlock
        inTransaction(s, LOCK + "; " + DossierSeedSql.CODES);
        long top = count(c, "SELECT COALESCE(max(top), 0) FROM seed_codes");
        if (top > MAX_SEQUENCE) {
            throw new IllegalStateException("an agency would receive more than " + MAX_SEQUENCE
                    + " dossiers in one day (codes have 4 digits): seed fewer at a time");
        }
        long rows = inTransaction(c, () -> {
            long written = 0;
            for (String sql : DossierSeedSql.WRITES) {
                written += s.executeUpdate(sql.replace(":tz", tz));
            }
            return written;
        });
        s.execute("DROP TABLE seed_batch, seed_events, seed_times, seed_codes, seed_handover");
        return rows;
    }

    /**
     * Takes the next {@code 2 * size} serials of prefix {@value #PREFIX} (outbound and return) and
     * records them as a used-up series.
     */
    private static long s10Range(Connection c, Statement s, int size) throws SQLException {
        return inTransaction(c, () -> {
            s.execute(LOCK);
            long serial =
                    count(c, "SELECT COALESCE(max(serial_to), 0) + 1 FROM s10_series WHERE prefix = '" + PREFIX + "'");
            if (serial + 2L * size - 1 > MAX_SERIAL) {
                throw new IllegalStateException("the " + PREFIX + " S10 range is used up");
            }
            s.execute("INSERT INTO s10_series (office_code, prefix, serial_from, serial_to, next_serial, loaded_at, "
                    + "loaded_by) VALUES (NULL, '" + PREFIX + "', " + serial + ", " + (serial + 2L * size - 1) + ", "
                    + (serial + 2L * size) + ", now(), '" + ACTOR + "')");
            return serial;
        });
    }

    /** The paths as a temporary table: (end status, position, status, previous status, hours, leg, agency's move). */
    private static String paths() {
        StringBuilder values = new StringBuilder();
        for (List<Step> path : PATHS) {
            String end = path.get(path.size() - 1).status();
            for (int i = 0; i < path.size(); i++) {
                Step st = path.get(i);
                if (values.length() > 0) {
                    values.append(", ");
                }
                values.append(String.format(
                        Locale.ROOT,
                        "('%s', %d, '%s', %s, %d, %d, %b)",
                        end,
                        i,
                        st.status(),
                        i == 0 ? "NULL" : "'" + path.get(i - 1).status() + "'",
                        st.hours(),
                        st.leg(),
                        st.agency()));
            }
        }
        return "CREATE TEMP TABLE IF NOT EXISTS seed_path (end_status text, pos int, status text, prev text, "
                + "hours int, leg int, agency boolean); TRUNCATE seed_path; INSERT INTO seed_path VALUES "
                + values + "; ANALYZE seed_path";
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** For the command's summary: dossiers per status. */
    static String byStatus(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT status, count(*) FROM dossier GROUP BY 1 ORDER BY 2 DESC")) {
            StringBuilder b = new StringBuilder();
            while (r.next()) {
                b.append(String.format(Locale.ROOT, "%s %,d; ", r.getString(1), r.getLong(2)));
            }
            return b.toString();
        }
    }

    static String statuses() {
        return PATHS.stream().map(p -> p.get(p.size() - 1).status()).collect(Collectors.joining(", "));
    }
}
