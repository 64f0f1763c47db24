package vn.dossierpost.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;
import vn.dossierpost.support.TestDatabase;

/**
 * The services call on-demand DAOs inside {@code jdbi.inTransaction}; this proves those calls join
 * the transaction, so a failure half-way leaves nothing behind.
 */
class TransactionScopeTest {

    @Test
    void onDemandDaoCallsJoinTheSurroundingTransaction() {
        Jdbi jdbi = Jdbi.create(TestDatabase.newDatabase(), "postgres", "");
        jdbi.installPlugin(new SqlObjectPlugin());
        DossierDAO dossiers = jdbi.onDemand(DossierDAO.class);
        assertThatThrownBy(() -> jdbi.useTransaction(h -> {
            dossiers.nextCodeSequence("000.00.15.H26", java.time.LocalDate.of(2026, 11, 23));
            assertThat(h.createQuery("SELECT last_value FROM dossier_code_sequence").mapTo(Integer.class).one()).isEqualTo(1);
            throw new IllegalStateException("crash in the middle " + OffsetDateTime.now());
        })).hasMessageContaining("crash in the middle");
        int rows = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM dossier_code_sequence").mapTo(Integer.class).one());
        assertThat(rows).isZero();
    }
}
