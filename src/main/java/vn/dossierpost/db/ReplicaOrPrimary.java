package vn.dossierpost.db;

import io.dropwizard.db.ManagedDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * The connections of the reads that may go to the replica ({@link Databases}): the replica's pool
 * first, the primary's when the replica cannot give one (down, unreachable, restarting). After such
 * a failure the replica is left alone for a few seconds, so that a replica host that does not answer
 * at all costs one read its connect timeout, not every read. The replica's pool checks each
 * connection as it is taken ({@link DatabaseSettings#replica}), so only a read already running when
 * the replica goes away fails (503 naming the replica).
 */
public final class ReplicaOrPrimary implements ManagedDataSource {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(ReplicaOrPrimary.class);
    private static final long PAUSE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final ManagedDataSource replica;
    private final DataSource primary;
    private volatile long replicaPausedUntil = System.nanoTime();
    private volatile boolean replicaDown;

    public ReplicaOrPrimary(ManagedDataSource replica, DataSource primary) {
        this.replica = replica;
        this.primary = primary;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (replicaDown && System.nanoTime() - replicaPausedUntil < 0) {
            return primary.getConnection();
        }
        try {
            Connection c = replica.getConnection();
            if (replicaDown) {
                replicaDown = false;
                LOG.info("The replica database answers again: public tracking and staff lists read from it");
            }
            return c;
        } catch (SQLException e) {
            if (!replicaDown) {
                LOG.warn(
                        "The replica database cannot be reached ({}): public tracking and staff lists read from"
                                + " the primary until it answers",
                        e.getMessage());
            }
            replicaDown = true;
            replicaPausedUntil = System.nanoTime() + PAUSE_NANOS;
            try {
                return primary.getConnection();
            } catch (SQLException onPrimary) {
                onPrimary.addSuppressed(e);
                throw onPrimary;
            }
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the replica's reads use the pools' own credentials");
    }

    /** The replica's pool is this source's to start and stop; the primary's has its own lifecycle. */
    @Override
    public void start() throws Exception {
        replica.start();
    }

    @Override
    public void stop() throws Exception {
        replica.stop();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return replica.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        replica.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        replica.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return replica.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return replica.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
