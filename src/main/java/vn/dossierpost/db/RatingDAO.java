package vn.dossierpost.db;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The invitations to rate the service and the ratings given. */
public interface RatingDAO {
    record Invited(long dossierId, String code, String procedureCode, String officeCode, Integer score) {}

    record Average(String officeCode, String procedureCode, int ratings, double average) {}

    /** 0 when the dossier was invited already (a second delivery record never asks twice). */
    @SqlUpdate("INSERT INTO rating_invitation (dossier_id, token_hash, invited_at) VALUES (:id, :hash, :at) "
            + "ON CONFLICT (dossier_id) DO NOTHING")
    int invite(@Bind("id") long dossierId, @Bind("hash") byte[] tokenHash, @Bind("at") OffsetDateTime at);

    @SqlQuery("SELECT d.id AS dossier_id, d.code, d.procedure_code, d.office_code, r.score "
            + "FROM rating_invitation i JOIN dossier d ON d.id = i.dossier_id "
            + "LEFT JOIN rating r ON r.dossier_id = d.id WHERE i.token_hash = :hash")
    @RegisterConstructorMapper(Invited.class)
    Optional<Invited> invited(@Bind("hash") byte[] tokenHash);

    /** 0 when the dossier was rated already: once per dossier. */
    @SqlUpdate("INSERT INTO rating (dossier_id, score, comment, rated_at) VALUES (:id, :score, :comment, :at) "
            + "ON CONFLICT (dossier_id) DO NOTHING")
    int rate(
            @Bind("id") long dossierId,
            @Bind("score") int score,
            @Bind("comment") String comment,
            @Bind("at") OffsetDateTime at);

    /**
     * Per office and procedure, the ratings given in [from, to); {@code office} null for all. The
     * dossier's office and procedure read from the narrow report projection (migration 034).
     */
    @SqlQuery("SELECT d.office_code, d.procedure_code, count(*) AS ratings, avg(r.score)::float8 AS average "
            + "FROM rating r JOIN report_dossier d ON d.dossier_id = r.dossier_id "
            + "WHERE r.rated_at >= :from AND r.rated_at < :to "
            + "AND (CAST(:office AS text) IS NULL OR d.office_code = :office) "
            + "GROUP BY d.office_code, d.procedure_code ORDER BY d.office_code, d.procedure_code")
    @RegisterConstructorMapper(Average.class)
    List<Average> averages(
            @Bind("office") String office, @Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to);
}
