package vn.dossierpost.db;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The S10 series of the offices (migration 020) and the numbers taken from them. */
public interface S10SeriesDAO {
    /**
     * Takes the next serial of office {@code ?}'s oldest series with numbers left and moves it on, in
     * one statement: the row lock makes concurrent takers queue, and a taker that waited on a series
     * used up meanwhile is given the next one (the locking subquery skips rows that no longer match).
     * Returns the prefix and the serial taken, no row when the office has none left. Used by the
     * intake's allocation (its own statement) and by {@link #take}.
     */
    String TAKE = "UPDATE s10_series SET next_serial = next_serial + 1 WHERE id = (SELECT id FROM s10_series "
            + "WHERE office_code = ? AND next_serial <= serial_to ORDER BY id LIMIT 1 FOR UPDATE) "
            + "RETURNING prefix, next_serial - 1 AS serial";

    record Taken(String prefix, long serial) {}

    /** A number for the return leg, in the caller's transaction (the series row stays locked until it ends). */
    @SqlQuery(TAKE)
    @RegisterConstructorMapper(Taken.class)
    Optional<Taken> take(String officeCode);

    record Series(
            long id,
            String officeCode,
            String prefix,
            long serialFrom,
            long serialTo,
            long nextSerial,
            OffsetDateTime loadedAt,
            String loadedBy) {}

    String COLUMNS = "id, office_code, prefix, serial_from, serial_to, next_serial, loaded_at, loaded_by";

    @SqlQuery("SELECT " + COLUMNS + " FROM s10_series ORDER BY office_code NULLS FIRST, id")
    @RegisterConstructorMapper(Series.class)
    List<Series> all();

    /** Serialises loading series, so two loads cannot both find no overlap; intakes are not held up. */
    @SqlQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext('s10_series'))")
    int lockForLoading();

    /** The series of this prefix whose range meets [from, to], the first one found. */
    @SqlQuery("SELECT " + COLUMNS + " FROM s10_series WHERE prefix = :prefix AND serial_from <= :to "
            + "AND serial_to >= :from ORDER BY serial_from LIMIT 1")
    @RegisterConstructorMapper(Series.class)
    Optional<Series> overlapping(@Bind("prefix") String prefix, @Bind("from") long from, @Bind("to") long to);

    @SqlUpdate(
            "INSERT INTO s10_series (office_code, prefix, serial_from, serial_to, next_serial, loaded_at, loaded_by) "
                    + "VALUES (:office, :prefix, :from, :to, :from, :at, :by)")
    @GetGeneratedKeys("id")
    long load(
            @Bind("office") String officeCode,
            @Bind("prefix") String prefix,
            @Bind("from") long from,
            @Bind("to") long to,
            @Bind("at") OffsetDateTime at,
            @Bind("by") String by);

    record Remaining(String officeCode, long remaining) {}

    /** Numbers left per office, every office listed (0 when it has no series left). */
    @SqlQuery("SELECT o.code AS office_code, COALESCE(sum(s.serial_to - s.next_serial + 1) "
            + "FILTER (WHERE s.next_serial <= s.serial_to), 0) AS remaining "
            + "FROM post_office o LEFT JOIN s10_series s ON s.office_code = o.code GROUP BY o.code ORDER BY o.code")
    @RegisterConstructorMapper(Remaining.class)
    List<Remaining> remaining();
}
