package vn.dossierpost.service;

import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.StatementException;
import vn.dossierpost.db.Databases;

/**
 * Whether a failure is a database that cannot be reached, and which one: no connection to be had
 * (JDBI's {@link ConnectionException}, SQLState class 08) or a server shutting down or starting
 * (57P01-57P03), wherever it sits among the causes. Such a request is not wrong; it is answered 503
 * and may be sent again. Which database: the one the failed statement ran on ({@link Databases#ROLE});
 * a failure with no statement (a connection refused, the intake's own JDBC) is the primary's, since
 * a read that may use the replica goes to the primary when the replica gives no connection.
 */
public final class DatabaseOutage {
    private static final String PRIMARY = "the primary database";

    private DatabaseOutage() {}

    /** "the primary database" or "the replica database" when {@code failure} is one that cannot be reached. */
    public static Optional<String> unreachable(Throwable failure) {
        boolean unreachable = false;
        String database = null;
        // a bounded walk: a cause chain can loop back on itself
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (t instanceof ConnectionException) {
                unreachable = true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                unreachable |= state.startsWith("08") || state.startsWith("57P0");
            }
            if (database == null
                    && t instanceof StatementException s
                    && s.getStatementContext() != null
                    && s.getStatementContext().getAttribute(Databases.ROLE) instanceof String role) {
                database = "the " + role + " database";
            }
        }
        return unreachable ? Optional.of(database == null ? PRIMARY : database) : Optional.empty();
    }
}
