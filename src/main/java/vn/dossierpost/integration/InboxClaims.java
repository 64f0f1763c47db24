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
 * file it renews the row; a node killed mid-file stops renewing, and after {@code timeout} another
 * node takes the file over (Camel's orphan-lock-aware repository; no cluster code of our own).
 */
public final class InboxClaims {
    /** The registry name agency-inbox.yaml refers to. */
    public static final String BEAN = "inboxClaims";

    private InboxClaims() {}

    /** The repository, to be bound as {@link #BEAN} and started with the Camel context. */
    public static JdbcOrphanLockAwareIdempotentRepository repository(
            DataSource dataSource, CamelContext camel, Duration timeout) {
        JdbcOrphanLockAwareIdempotentRepository claims =
                new JdbcOrphanLockAwareIdempotentRepository(dataSource, "inbox", camel);
        // the table is the migration's; the repository's own CREATE TABLE would not know timestamptz
        claims.setCreateTableIfNotExists(false);
        claims.setLockMaxAgeMillis(timeout.toMillis());
        // renewed four times a timeout: a node busy with a long file keeps its claim through a slow renewal
        claims.setLockKeepAliveIntervalMillis(Math.max(1, timeout.toMillis() / 4));
        return claims;
    }
}
