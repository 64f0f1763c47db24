package vn.dossierpost.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import vn.dossierpost.db.Database;

/**
 * One embedded PostgreSQL per test JVM; a database migrated once serves as the template, and each
 * test class gets a fresh copy of it (CREATE DATABASE … TEMPLATE takes milliseconds).
 */
public final class TestDatabase {
    private static final String TEMPLATE = "dossierpost_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabase() {}

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .start();
                try (Connection c = postgres.getPostgresDatabase().getConnection();
                        Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + TEMPLATE + " ENCODING 'UTF8'");
                }
                try (Connection c = postgres.getDatabase("postgres", TEMPLATE).getConnection()) {
                    Database.migrate(c);
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test PostgreSQL", e);
            }
        }
        return postgres;
    }

    /** A new database with the schema and reference data; returns its JDBC URL (user postgres). */
    public static String newDatabase() {
        EmbeddedPostgres pg = postgres();
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    /** A new database with nothing in it, for a test that runs the migrations itself; returns its JDBC URL. */
    public static String emptyDatabase() {
        EmbeddedPostgres pg = postgres();
        String name = "e" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    public static int port() {
        return postgres().getPort();
    }
}
