package vn.dossierpost.db;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import vn.dossierpost.domain.HomePickupState;
import vn.dossierpost.domain.PickupWindow;

/** Home pickup bookings (migration 021) and the courier who covers a commune. */
public interface HomePickupDAO {

    record NewHomePickup(
            String code,
            String officeCode,
            String courier,
            String procedureCode,
            String applicantName,
            String applicantPhone,
            String applicantEmail,
            String street,
            String communeCode,
            LocalDate windowDate,
            PickupWindow windowPart,
            String bookedBy,
            OffsetDateTime at) {}

    /** A booking, with the code of the dossier it brought in once picked up. */
    record Row(
            long id,
            String code,
            String officeCode,
            String courier,
            String procedureCode,
            String applicantName,
            String applicantPhone,
            String applicantEmail,
            String street,
            String communeCode,
            LocalDate windowDate,
            PickupWindow windowPart,
            HomePickupState state,
            int failedVisits,
            String lastFailure,
            String bookedBy,
            OffsetDateTime bookedAt,
            String dossierCode) {}

    /** A courier who collects in a commune: the office and the username. */
    record Collector(String officeCode, String username) {}

    String SELECT =
            "SELECT p.id, p.code, p.office_code, p.courier, p.procedure_code, p.applicant_name, p.applicant_phone, "
                    + "p.applicant_email, p.street, p.commune_code, p.window_date, p.window_part, p.state, p.failed_visits, "
                    + "p.last_failure, p.booked_by, p.booked_at, d.code AS dossier_code FROM home_pickup p "
                    + "LEFT JOIN dossier d ON d.home_pickup_id = p.id ";

    /**
     * The active couriers covering the commune, those of {@code preferredOffice} first (a clerk books
     * for their own office where it serves the commune), then by office code.
     */
    @SqlQuery("SELECT c.office_code, c.courier AS username FROM courier_commune c "
            + "JOIN app_user u ON u.username = c.courier AND u.active AND u.role = 'COURIER' "
            + "WHERE c.commune_code = :commune "
            + "ORDER BY (c.office_code = :preferredOffice) IS TRUE DESC, c.office_code LIMIT 1")
    @RegisterConstructorMapper(Collector.class)
    Optional<Collector> collector(@Bind("commune") String communeCode, @Bind("preferredOffice") String preferredOffice);

    @SqlUpdate("INSERT INTO home_pickup (code, office_code, courier, procedure_code, applicant_name, applicant_phone, "
            + "applicant_email, street, commune_code, window_date, window_part, state, booked_by, booked_at, updated_at) "
            + "VALUES (:code, :officeCode, :courier, :procedureCode, :applicantName, :applicantPhone, :applicantEmail, "
            + ":street, :communeCode, :windowDate, :windowPart, 'BOOKED', :bookedBy, :at, :at)")
    void insert(@BindMethods NewHomePickup pickup);

    @SqlQuery(SELECT + "WHERE p.code = :code")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> find(@Bind("code") String code);

    /** The booking, locked until the end of the transaction (a visit's outcome is recorded once). */
    @SqlQuery(SELECT + "WHERE p.code = :code FOR UPDATE OF p")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> lock(@Bind("code") String code);

    /** A courier's bookings for a day, in window order, the open ones before the finished. */
    @SqlQuery(
            SELECT + "WHERE p.courier = :courier AND p.window_date = :day "
                    + "ORDER BY p.window_part = 'MORNING' DESC, p.state IN ('BOOKED', 'RESCHEDULED') DESC, p.commune_code, p.id")
    @RegisterConstructorMapper(Row.class)
    List<Row> ofCourier(@Bind("courier") String courier, @Bind("day") LocalDate day);

    @SqlQuery("SELECT count(*) FROM home_pickup WHERE applicant_phone = :phone AND state IN ('BOOKED', 'RESCHEDULED')")
    int openFor(@Bind("phone") String phone);

    @SqlUpdate("UPDATE home_pickup SET state = 'PICKED_UP', updated_at = :at WHERE id = :id")
    void pickedUp(@Bind("id") long id, @Bind("at") OffsetDateTime at);

    /** Nobody was home: moved to a new window, or cancelled (then the window stays as it was). */
    @SqlUpdate("UPDATE home_pickup SET state = :state, failed_visits = failed_visits + 1, last_failure = :reason, "
            + "window_date = :day, window_part = :part, updated_at = :at WHERE id = :id")
    void visitFailed(
            @Bind("id") long id,
            @Bind("state") HomePickupState state,
            @Bind("reason") String reason,
            @Bind("day") LocalDate day,
            @Bind("part") PickupWindow part,
            @Bind("at") OffsetDateTime at);
}
