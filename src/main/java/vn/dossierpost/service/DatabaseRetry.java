package vn.dossierpost.service;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;

/**
 * Database work that a passing failure of the database must not turn into a refusal. Transient are:
 * no connection to be had at all (JDBI's {@link ConnectionException}, whatever the pool said), a
 * connection lost or refused (SQLState class 08), a serialization failure (40001), a deadlock
 * (40P01), and the server shutting down, crashing or starting (57P01, 57P02, 57P03) — wherever they
 * sit in the chain of causes (JDBI wraps them in UnableToExecuteStatementException, TransactionException
 * or CloseException). Such work is run again with the {@link RetryPolicy}'s backoff until the policy's
 * age has passed, then {@link DatabaseUnavailable} says the database is not there: the work is not wrong, it
 * is to be done later. Anything else is thrown as it is, the first time.
 *
 * <p>The work must be safe to run again: one transaction, idempotent (an event stored under its id,
 * a receipt applied once), since a connection lost during the commit leaves unknown whether it was.
 */
public final class DatabaseRetry {
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "57P01", "57P02", "57P03");

    private final RetryPolicy policy;

    public DatabaseRetry(RetryPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param what what the work is, for the message of {@link DatabaseUnavailable}
     * @throws DatabaseUnavailable when the work still fails transiently once the policy's age has passed
     */
    public <T> T call(String what, Supplier<T> work) {
        long start = System.nanoTime();
        for (int failed = 1; ; failed++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                Duration delay = policy.delayAfter(failed, ThreadLocalRandom.current()::nextDouble);
                Duration age = Duration.ofNanos(System.nanoTime() - start).plus(delay);
                if (policy.givenUp(age)) {
                    throw new DatabaseUnavailable(
                            what + ": database unavailable after " + failed + " attempts: " + rootMessage(e), e);
                }
                sleep(delay, what, e);
            }
        }
    }

    public static boolean isTransient(Throwable e) {
        // a bounded walk: a cause chain can loop back on itself
        Throwable t = e;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (t instanceof ConnectionException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.startsWith("08") || TRANSIENT_STATES.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t.getCause() != null && t.getCause() != t && depth < 32; depth++) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static void sleep(Duration delay, String what, RuntimeException cause) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailable(what + ": interrupted while waiting for the database", cause);
        }
    }
}
