package vn.dossierpost.db;

import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The access log of personal data: one row per read, appended, listed newest first. */
public interface AccessLogDAO {

    record Entry(
            long id,
            OffsetDateTime at,
            String username,
            String role,
            String officeCode,
            String agencyCode,
            String kind,
            String dossierCode,
            String reference,
            String method,
            String path,
            String address) {}

    /**
     * One read. A return item is read by its S10 number: its dossier's code is looked up in the same
     * statement, so the log can be searched by dossier whichever way the data was reached.
     */
    @SqlUpdate("INSERT INTO access_log (username, role, office_code, agency_code, kind, dossier_code, reference, "
            + "method, path, address) VALUES (:username, :role, :officeCode, :agencyCode, :kind, "
            + "COALESCE(:dossierCode, (SELECT d.code FROM delivery l JOIN dossier d ON d.id = l.dossier_id "
            + "WHERE l.s10_number = :s10)), :reference, :method, :path, :address)")
    void insert(
            @Bind("username") String username,
            @Bind("role") String role,
            @Bind("officeCode") String officeCode,
            @Bind("agencyCode") String agencyCode,
            @Bind("kind") String kind,
            @Bind("dossierCode") String dossierCode,
            @Bind("s10") String s10,
            @Bind("reference") String reference,
            @Bind("method") String method,
            @Bind("path") String path,
            @Bind("address") String address);

    /** Entries newest first, each filter optional; {@code before} is the id to continue below. */
    @SqlQuery("SELECT id, at, username, role, office_code, agency_code, kind, dossier_code, reference, method, "
            + "path, address FROM access_log WHERE (CAST(:dossier AS text) IS NULL OR dossier_code = :dossier) "
            + "AND (CAST(:username AS text) IS NULL OR username = :username) "
            + "AND (CAST(:from AS timestamptz) IS NULL OR at >= :from) "
            + "AND (CAST(:to AS timestamptz) IS NULL OR at < :to) "
            + "AND (CAST(:before AS bigint) IS NULL OR id < :before) ORDER BY id DESC LIMIT :limit")
    @RegisterConstructorMapper(Entry.class)
    List<Entry> list(
            @Bind("dossier") String dossierCode,
            @Bind("username") String username,
            @Bind("from") OffsetDateTime from,
            @Bind("to") OffsetDateTime to,
            @Bind("before") Long before,
            @Bind("limit") int limit);
}
