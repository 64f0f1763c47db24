package vn.dossierpost.health;

import com.codahale.metrics.health.HealthCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether one database answers, named by its part ("the primary database", "the replica database"),
 * so that {@code /healthcheck} says which one is down. The message carries the SQLState only: host
 * names and the driver's words go to the log ({@link GuardedHealthCheck} says why). The replica's
 * check also says whether it is still a standby and how much received WAL it has yet to replay.
 */
public final class DatabaseHealthCheck extends HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealthCheck.class);
    private static final String STANDBY = "SELECT pg_is_in_recovery(),"
            + " coalesce(pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()), 0),"
            + " extract(epoch FROM now() - pg_last_xact_replay_timestamp())";

    private final DataSource pool;
    private final boolean replica;

    private DatabaseHealthCheck(DataSource pool, boolean replica) {
        this.pool = pool;
        this.replica = replica;
    }

    public static DatabaseHealthCheck primary(DataSource pool) {
        return new DatabaseHealthCheck(pool, false);
    }

    public static DatabaseHealthCheck replica(DataSource pool) {
        return new DatabaseHealthCheck(pool, true);
    }

    @Override
    protected Result check() {
        String name = replica ? "the replica database" : "the primary database";
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.setQueryTimeout(5);
            if (!replica) {
                s.execute("SELECT 1");
                return Result.healthy(name + " answers");
            }
            try (ResultSet r = s.executeQuery(STANDBY)) {
                r.next();
                if (!r.getBoolean(1)) {
                    return Result.unhealthy(name + " answers but is no longer a standby (promoted?): it does not"
                            + " follow the primary, so tracking and staff lists read from it would fall behind");
                }
                Object lastReplayed = r.getObject(3);
                return Result.healthy(name + " answers as a standby: " + r.getLong(2)
                        + " bytes of received WAL waiting to be replayed"
                        + (lastReplayed == null
                                ? ""
                                : "; the last replayed commit is " + Math.round(r.getDouble(3)) + " s old"));
            }
        } catch (SQLException e) {
            LOG.warn("{} cannot be reached", name, e);
            return Result.unhealthy(name + " cannot be reached (SQLState " + e.getSQLState() + "; see the log)"
                    + (replica
                            ? ": public tracking and staff lists read from the primary meanwhile"
                            : ": nothing can be written meanwhile"));
        }
    }
}
