package vn.dossierpost.db;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Couriers' communes and their end-of-day cash. */
public interface CourierDAO {

    @SqlUpdate("DELETE FROM courier_commune WHERE office_code = :office AND courier = :courier")
    void clearCommunes(@Bind("office") String officeCode, @Bind("courier") String courier);

    /** Takes the communes over from whichever courier of the office had them. */
    @SqlUpdate(
            "INSERT INTO courier_commune (office_code, commune_code, courier) SELECT :office, c, :courier FROM unnest(CAST(:communes AS text[])) c "
                    + "ON CONFLICT (office_code, commune_code) DO UPDATE SET courier = excluded.courier")
    void addCommunes(
            @Bind("office") String officeCode, @Bind("courier") String courier, @Bind("communes") String[] communes);

    @SqlQuery(
            "SELECT commune_code FROM courier_commune WHERE office_code = :office AND courier = :courier ORDER BY commune_code")
    List<String> communes(@Bind("office") String officeCode, @Bind("courier") String courier);

    record Courier(String username, String fullName, String[] communes) {}

    /** The office's active couriers, each with the communes they cover (none: an empty list). */
    @SqlQuery("SELECT u.username, u.full_name, COALESCE(array_agg(c.commune_code ORDER BY c.commune_code) "
            + "FILTER (WHERE c.commune_code IS NOT NULL), '{}') AS communes FROM app_user u "
            + "LEFT JOIN courier_commune c ON c.office_code = u.office_code AND c.courier = u.username "
            + "WHERE u.role = 'COURIER' AND u.active AND u.office_code = :office "
            + "GROUP BY u.username, u.full_name ORDER BY u.username")
    @RegisterConstructorMapper(Courier.class)
    List<Courier> couriers(@Bind("office") String officeCode);

    /** Items of the office in those communes that no courier has yet, given to the one covering the commune. */
    @SqlUpdate("UPDATE delivery l SET courier = c.courier, assigned_at = :at FROM courier_commune c, dossier d "
            + "WHERE d.id = l.dossier_id AND c.office_code = l.office_code AND c.commune_code = l.commune_code "
            + "AND l.office_code = :office AND l.courier IS NULL AND l.finished_at IS NULL AND l.method = 'HOME' "
            + "AND c.commune_code IN (<communes>)")
    int assignUnassigned(
            @Bind("office") String officeCode,
            @BindList("communes") List<String> communes,
            @Bind("at") OffsetDateTime at);

    @SqlUpdate("INSERT INTO cash_declaration (courier, day, amount, declared_at) VALUES (:courier, :day, :amount, :at) "
            + "ON CONFLICT (courier, day) DO UPDATE SET amount = excluded.amount, declared_at = excluded.declared_at")
    void declare(
            @Bind("courier") String courier,
            @Bind("day") LocalDate day,
            @Bind("amount") long amount,
            @Bind("at") OffsetDateTime at);

    /** What a courier's deliveries of a day collected: the reconciliation's "expected" for them. */
    @SqlQuery("SELECT COALESCE(sum(amount_collected), 0) FROM delivery_attempt WHERE actor = :courier "
            + "AND outcome = 'DELIVERED' AND NOT at_counter AND at >= :dayStart AND at < :dayEnd")
    long collected(
            @Bind("courier") String courier,
            @Bind("dayStart") OffsetDateTime dayStart,
            @Bind("dayEnd") OffsetDateTime dayEnd);

    record Reconciliation(
            String courier, String fullName, int delivered, long expected, Long declared, OffsetDateTime declaredAt) {}

    /**
     * Per courier of the office: what their deliveries of the day say they collected, and what they
     * declared. Couriers with neither do not appear.
     */
    @SqlQuery(
            "SELECT u.username AS courier, u.full_name, COALESCE(a.delivered, 0) AS delivered, COALESCE(a.expected, 0) AS expected, "
                    + "c.amount AS declared, c.declared_at FROM app_user u "
                    + "LEFT JOIN (SELECT actor, count(*) AS delivered, sum(amount_collected) AS expected FROM delivery_attempt "
                    + "  WHERE outcome = 'DELIVERED' AND NOT at_counter AND at >= :dayStart AND at < :dayEnd GROUP BY actor) a "
                    + "  ON a.actor = u.username "
                    + "LEFT JOIN cash_declaration c ON c.courier = u.username AND c.day = :day "
                    + "WHERE u.role = 'COURIER' AND u.office_code = :office AND (a.actor IS NOT NULL OR c.courier IS NOT NULL) ORDER BY u.username")
    @RegisterConstructorMapper(Reconciliation.class)
    List<Reconciliation> reconciliation(
            @Bind("office") String officeCode,
            @Bind("day") LocalDate day,
            @Bind("dayStart") OffsetDateTime dayStart,
            @Bind("dayEnd") OffsetDateTime dayEnd);
}
