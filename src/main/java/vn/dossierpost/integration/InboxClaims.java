package vn.dossierpost.integration;

import java.time.Duration;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;

/**
 * The claims that let several nodes read one inbox folder (NFS, one SFTP landing folder) and still
 * apply each file once: agency-inbox.yaml reads with Camel's idempotent read lock on this repository,
 * so a node first inserts a row for the file in PostgreSQL (table CAMEL_MESSAGEPROCESSED, migration
 * 031) and only the node whose insert counts reads it. The row is deleted once the file has moved (or
 * was left for a later poll), so the same name can be dropped again. While the node applies the
 * file it renews the row; a node killed mid-file stops renewing, and after the timeout another
 * node takes the file over (Camel's orphan-lock-aware repository; no cluster code of our own).
 *
 * <p>Every time is the database's clock: Camel's repository binds each node's own clock as a
 * {@code java.sql.Timestamp}, and nodes whose clocks (or time zones) differ would then take each
 * other's live claims for dead ones. The statements below keep Camel's parameters but use {@code now()}.
 */
public final class InboxClaims extends JdbcOrphanLockAwareIdempotentRepository {
    /** The registry name agency-inbox.yaml refers to. */
    public static final String BEAN = "inboxClaims";

    private final double timeoutSeconds;

    public InboxClaims(DataSource dataSource, CamelContext camel, Duration timeout) {
        super(dataSource, "inbox", camel);
        this.timeoutSeconds = timeout.toMillis() / 1000.0;
        // the table is the migration's (031), not created by the repository at start
        setCreateTableIfNotExists(false);
        setLockMaxAgeMillis(timeout.toMillis());
        // renewed four times a timeout: a node busy with a long file keeps its claim through a slow renewal
        setLockKeepAliveIntervalMillis(Math.max(1, timeout.toMillis() / 4));
        // the node's time Camel binds (the last parameter, or the first of the update) is not used
        setInsertString("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) "
                + "VALUES (?, ?, COALESCE(now(), CAST(? AS timestamptz)))");
        setUpdateTimestampQuery("UPDATE CAMEL_MESSAGEPROCESSED SET createdAt = COALESCE(now(), CAST(? AS timestamptz)) "
                + "WHERE processorName = ? AND messageId = ?");
    }

    /** Whether a live claim (renewed within the timeout, by the database's clock) holds the file. */
    @Override
    protected int queryForInt(String key) {
        Integer held = jdbcTemplate.queryForObject(
                "SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ? AND messageId = ? "
                        + "AND createdAt >= now() - make_interval(secs => ?)",
                Integer.class,
                processorName,
                key,
                timeoutSeconds);
        return held == null ? 0 : held;
    }
}
