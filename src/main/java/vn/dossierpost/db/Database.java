package vn.dossierpost.db;

import io.dropwizard.db.DataSourceFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import liquibase.Liquibase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import vn.dossierpost.DossierpostConfiguration;

/**
 * Where the database is: the embedded one under dataDir (url {@code embedded} or empty) or the server
 * named by a JDBC URL. Used alike by the service and by the commands.
 */
public final class Database implements AutoCloseable {
    public static final String CHANGELOG = "migrations/changelog.xml";

    private final DataSourceFactory dataSourceFactory;
    private final EmbeddedDatabase embedded; // null for an external server

    private Database(DataSourceFactory dataSourceFactory, EmbeddedDatabase embedded) {
        // PostgreSQL puts the row that broke a constraint into the error's message ("Key
        // (citizen_id)=(001190123456) already exists"), and messages get logged; without it the
        // message names the constraint only (JdbiSetup keeps JDBI from adding the bound values).
        dataSourceFactory.getProperties().putIfAbsent("logServerErrorDetail", "false");
        this.dataSourceFactory = dataSourceFactory;
        this.embedded = embedded;
    }

    public static boolean isEmbedded(DataSourceFactory factory) {
        String url = factory.getUrl();
        return url == null || url.isBlank() || url.equals("embedded");
    }

    /**
     * Resolves the configured database, starting the embedded server when needed. The caller
     * closes it (the service from its lifecycle); see {@link #openForCommand} for commands.
     */
    public static Database open(DossierpostConfiguration config) throws IOException {
        return open(config, false);
    }

    private static Database open(DossierpostConfiguration config, boolean stopAtExit) throws IOException {
        DataSourceFactory factory = config.getDatabase();
        if (!isEmbedded(factory)) {
            return new Database(factory, null);
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.startOrAttach(Path.of(config.getDataDir()), stopAtExit);
        factory.setUrl(embedded.jdbcUrl());
        factory.setUser(EmbeddedDatabase.USER);
        factory.setPassword("");
        return new Database(factory, embedded);
    }

    /** For commands: an embedded server started here stops when the JVM exits, however it exits. */
    public static Database openForCommand(DossierpostConfiguration config) {
        try {
            return open(config, true);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot start the embedded PostgreSQL under " + config.getDataDir() + ": " + e.getMessage(), e);
        }
    }

    public DataSourceFactory dataSourceFactory() {
        return dataSourceFactory;
    }

    /** A plain connection for commands and migrations (the service uses its pool). */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        props.putAll(dataSourceFactory.getProperties());
        if (dataSourceFactory.getUser() != null) {
            props.setProperty("user", dataSourceFactory.getUser());
        }
        if (dataSourceFactory.getPassword() != null) {
            props.setProperty("password", dataSourceFactory.getPassword());
        }
        return DriverManager.getConnection(dataSourceFactory.getUrl(), props);
    }

    /** Brings the schema and reference data up to date (Liquibase locks, so concurrent starts are safe). */
    public void migrate() throws Exception {
        try (Connection connection = connect()) {
            migrate(connection);
        }
    }

    /** For a command working without the service: the schema brought up to date, and a Jdbi on it. */
    public Jdbi migratedJdbi() throws Exception {
        migrate();
        Jdbi jdbi = Jdbi.create(this::connect);
        jdbi.installPlugin(new SqlObjectPlugin());
        return jdbi;
    }

    public static void migrate(Connection connection) throws Exception {
        try (Liquibase liquibase =
                new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), new JdbcConnection(connection))) {
            liquibase.update("");
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
