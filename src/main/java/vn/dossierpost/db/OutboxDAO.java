package vn.dossierpost.db;

import java.time.OffsetDateTime;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Work that must leave the system, written in the transaction of the change that causes it. */
public interface OutboxDAO {
    /** A digitised dossier waiting to be handed over to its agency. */
    String HANDOVER = "HANDOVER";

    @SqlUpdate("INSERT INTO outbox (kind, dossier_id, agency_code, created_at, available_at) VALUES (:kind, :dossierId, :agency, :at, :at)")
    void enqueue(@Bind("kind") String kind, @Bind("dossierId") long dossierId, @Bind("agency") String agencyCode,
                 @Bind("at") OffsetDateTime at);
}
