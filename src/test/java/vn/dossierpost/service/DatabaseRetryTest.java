package vn.dossierpost.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.CloseException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.transaction.TransactionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class DatabaseRetryTest {
    final DatabaseRetry retry =
            new DatabaseRetry(new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMillis(300)));

    static SQLException state(String sqlState) {
        return new SQLException("SQLState " + sqlState, sqlState);
    }

    @Test
    void connectionsLostSerializationFailuresDeadlocksAndShutdownsAreTransientWhereverJdbiWrapsThem() {
        for (String s :
                new String[] {"08000", "08001", "08003", "08006", "40001", "40P01", "57P01", "57P02", "57P03"}) {
            assertThat(DatabaseRetry.isTransient(state(s))).as(s).isTrue();
            assertThat(DatabaseRetry.isTransient(new UnableToExecuteStatementException(state(s), null)))
                    .as("statement, " + s)
                    .isTrue();
            assertThat(DatabaseRetry.isTransient(new TransactionException("commit", state(s))))
                    .as("commit, " + s)
                    .isTrue();
            assertThat(DatabaseRetry.isTransient(new CloseException("close", state(s))))
                    .as("close, " + s)
                    .isTrue();
        }
        assertThat(DatabaseRetry.isTransient(new PSQLException("I/O error", PSQLState.CONNECTION_FAILURE)))
                .isTrue();
        // no connection to be had, whatever the pool said (its timeout has no SQLState)
        assertThat(DatabaseRetry.isTransient(new ConnectionException(new SQLException("pool exhausted"))))
                .isTrue();
    }

    @Test
    void errorsOfTheWorkItselfAreNotTransient() {
        for (String s : new String[] {"23505", "23503", "22001", "42P01", "55P03", "57014"}) {
            assertThat(DatabaseRetry.isTransient(new UnableToExecuteStatementException(state(s), null)))
                    .as(s)
                    .isFalse();
        }
        assertThat(DatabaseRetry.isTransient(new SQLException("no state"))).isFalse();
        assertThat(DatabaseRetry.isTransient(new IllegalArgumentException("line 2: not JSON")))
                .isFalse();
    }

    @Test
    void transientFailuresAreTriedAgainUntilTheWorkSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        String result = retry.call("work", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new UnableToExecuteStatementException(state("57P01"), null);
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(3);
    }

    @Test
    void otherFailuresAreThrownTheFirstTime() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.call("work", () -> {
                    calls.incrementAndGet();
                    throw new UnableToExecuteStatementException(state("23505"), null);
                }))
                .isInstanceOf(UnableToExecuteStatementException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aDatabaseAwayForTheWholeRetryTimeIsUnavailableAfterBoundedAttempts() {
        AtomicInteger calls = new AtomicInteger();
        long start = System.nanoTime();
        assertThatThrownBy(() -> retry.call("inbox file a.jsonl line 2", () -> {
                    calls.incrementAndGet();
                    throw new ConnectionException(new PSQLException("refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT));
                }))
                .isInstanceOf(DatabaseUnavailable.class)
                .hasMessageStartingWith("inbox file a.jsonl line 2: database unavailable after")
                .hasMessageContaining("refused");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isLessThan(Duration.ofMillis(300 + 200));
        // delays of at least 5, 10, 20, 20… ms within 300 ms: a handful of attempts, not a busy loop
        assertThat(calls.get()).isBetween(3, 20);
    }
}
