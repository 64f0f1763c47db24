package vn.dossierpost.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.db.DossierTrackingDAO;

/**
 * Fills the database to a number of dossiers for {@code bench-pages}, set-based (INSERT … SELECT
 * generate_series into the real tables): applicants with Vietnamese names (family names weighted as
 * in the population, about 38% Nguyễn), some people with several dossiers, received over the last
 * 400 days across every office and procedure, each in a status that fits its age, with a timeline for
 * the public page, open pickups for results ready and deliveries for results held at an office.
 * Rows it writes have {@code received_by = 'bench-pages'}. The rows go in with the triggers off (the
 * public tracking projection's fire per row) and the projection is rebuilt set-based at the end.
 */
final class BenchDossiers {
    static final String ACTOR = "bench-pages";
    private static final int CHUNK = 100_000;

    private BenchDossiers() {}

    /** Adds dossiers until there are {@code target}; returns how many were added. */
    static long fillTo(Connection c, long target, PrintStream out) throws SQLException {
        long have = count(c, "SELECT count(*) FROM dossier");
        if (have >= target) {
            return 0;
        }
        try (Statement s = c.createStatement()) {
            s.execute(S10_FUNCTION);
            s.execute("SET synchronous_commit = off");
            // no per-row triggers (the tracking projection's): the projection is rebuilt once at the end
            s.execute("SET session_replication_role = replica");
        }
        long start = count(c, "SELECT COALESCE(max(id), 0) FROM dossier") + 1;
        long added = 0;
        long t0 = System.nanoTime();
        while (have + added < target) {
            int n = (int) Math.min(CHUNK, target - have - added);
            long first = start + added;
            try (Statement s = c.createStatement()) {
                s.execute(DOSSIERS.replace(":first", Long.toString(first))
                        .replace(":last", Long.toString(first + n - 1)));
                s.execute(EVENTS.replace(":first", Long.toString(first)));
                s.execute(RETURN_LEG.replace(":first", Long.toString(first)));
            }
            added += n;
            out.printf("  %,d dossiers added (%.0f s)%n", added, (System.nanoTime() - t0) / 1e9);
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = DEFAULT");
        }
        long t1 = System.nanoTime();
        long tracked = Jdbi.open(c).attach(DossierTrackingDAO.class).rebuildAll();
        out.printf("  tracking projection rebuilt: %,d rows (%.0f s)%n", tracked, (System.nanoTime() - t1) / 1e9);
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE dossier_tracking");
            s.execute("VACUUM ANALYZE dossier");
            s.execute("VACUUM ANALYZE dossier_event");
            s.execute("ANALYZE pickup");
            s.execute("ANALYZE delivery");
        }
        return added;
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * An S10 number with the UPU check digit over 8 digits (weights 8 6 4 2 3 5 9 7), as S10Number
     * computes it, under the prefix BX that no office's series uses, so the counter's own numbers
     * (taken from the offices' EH series) never meet these.
     */
    private static final String S10_FUNCTION =
            "CREATE OR REPLACE FUNCTION pg_temp.s10(serial bigint) RETURNS text LANGUAGE sql AS $$ "
                    + "SELECT 'BX' || lpad(serial::text, 8, '0') || (SELECT CASE WHEN 11 - sum % 11 = 10 THEN 0 "
                    + "WHEN 11 - sum % 11 = 11 THEN 5 ELSE 11 - sum % 11 END FROM (SELECT sum(substr(lpad(serial::text, 8, '0'), k, 1)::int "
                    + "* (ARRAY[8,6,4,2,3,5,9,7])[k]) AS sum FROM generate_series(1, 8) k) w)::text || 'VN' $$";

    /**
     * One row per i: person p = a hash of i (about 1.4 dossiers a person); age in days from i, the
     * status drawn by age with a die from another hash of i, so every status turns up at every age that
     * allows it (today: received or digitised; the first days: on the way or at the agency; then results
     * coming back; older: mostly delivered). Codes end in 10000 + i, unique whatever the agency and day,
     * so they never meet the counter's own (0001…).
     */
    private static final String DOSSIERS = "WITH o AS (SELECT array_agg(code ORDER BY code) a FROM post_office), "
            + "p AS (SELECT array_agg(code ORDER BY code) c, array_agg(agency_code ORDER BY code) ag FROM procedure), "
            + "m AS (SELECT array_agg(code ORDER BY code) a FROM commune), "
            + "g AS (SELECT i, (i * 7919) % 700001 AS person, i % 400 AS age, (hashint8(i) & 1023) % 100 AS roll FROM generate_series(:first::bigint, :last::bigint) i), "
            + "x AS (SELECT g.*, now() - make_interval(days => age::int, secs => (i * 37) % 28800) AS at, "
            + "CASE WHEN age = 0 THEN (CASE WHEN roll < 60 THEN 'RECEIVED' ELSE 'DIGITISED' END) "
            + "WHEN age <= 2 THEN (CASE WHEN roll < 50 THEN 'IN_TRANSIT_TO_AGENCY' ELSE 'DELIVERED_TO_AGENCY' END) "
            + "WHEN age <= 12 THEN (CASE WHEN roll < 8 THEN 'SUPPLEMENT_REQUESTED' WHEN roll < 80 THEN 'IN_PROCESSING' ELSE 'RESULT_READY' END) "
            + "WHEN age <= 18 THEN (CASE WHEN roll < 30 THEN 'RESULT_READY' WHEN roll < 60 THEN 'RESULT_COLLECTED' "
            + "WHEN roll < 80 THEN 'OUT_FOR_DELIVERY' WHEN roll < 90 THEN 'HELD_AT_OFFICE' ELSE 'DELIVERED' END) "
            + "ELSE (CASE WHEN roll < 2 THEN 'WITHDRAWN' WHEN roll < 4 THEN 'RETURNED_TO_AGENCY' WHEN roll < 6 THEN 'REFUSED' ELSE 'DELIVERED' END) END AS status "
            + "FROM g) "
            + "INSERT INTO dossier (code, s10_number, procedure_code, agency_code, office_code, service_form, status, applicant_name, "
            + "applicant_citizen_id, applicant_phone, applicant_street, applicant_commune, delivery_method, route_class, received_at, "
            + "received_by, acceptance_day, handover_due, result_due, return_due, postage, government_fee, payment_method, fees, updated_at) "
            + "SELECT p.ag[1 + i % array_length(p.c, 1)] || '-' || to_char(x.at, 'YYMMDD') || '-' || (10000 + i), "
            + "pg_temp.s10(nextval('s10_serial')), p.c[1 + i % array_length(p.c, 1)], p.ag[1 + i % array_length(p.c, 1)], "
            + "o.a[1 + (i / 3) % array_length(o.a, 1)], 'SEND_AND_RETURN', x.status, "
            + "(ARRAY['Nguyễn','Nguyễn','Nguyễn','Nguyễn','Nguyễn','Nguyễn','Nguyễn','Nguyễn','Trần','Trần','Lê','Lê','Phạm','Hoàng',"
            + "'Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ'])[1 + person % 21] || ' ' "
            + "|| (ARRAY['Văn','Thị','Hữu','Đức','Minh','Ngọc','Thanh','Quốc','Thu','Hoàng','Văn','Thị','Xuân','Gia'])[1 + (person / 21) % 14] || ' ' "
            + "|| (ARRAY['An','Anh','Bình','Châu','Dũng','Hà','Hải','Hạnh','Hiếu','Hoa','Hồng','Hùng','Hương','Lan','Linh','Long','Mai','Minh',"
            + "'Nam','Nga','Ngọc','Nhung','Phong','Phương','Quân','Sơn','Tâm','Thảo','Thắng','Trang','Tuấn','Vân','Việt','Yến'])[1 + (person / 294) % 34], "
            + "(ARRAY['001','079','031','048','036','046'])[1 + person % 6] || (person % 2)::text || lpad((50 + person % 50)::text, 2, '0') "
            + "|| lpad((person % 1000000)::text, 6, '0'), "
            + "'09' || lpad(((person * 104729) % 100000000)::text, 8, '0'), 'Số ' || (1 + person % 200) || ' phố Hàng Bông', "
            + "m.a[1 + person % array_length(m.a, 1)], 'HOME', 'WITHIN_PROVINCE', x.at, '" + ACTOR + "', x.at::date, "
            + "x.at::date + 2, x.at::date + 12, x.at::date + 16, 56000, 200000, 'CASH', '{\"items\": [], \"dueOnDelivery\": 0}', x.at "
            + "FROM x, o, p, m ORDER BY i";

    /** The intake and the current status on each timeline (two entries; one for a dossier still as received). */
    private static final String EVENTS =
            "INSERT INTO dossier_event (dossier_id, type, to_status, at, actor, office_code) "
                    + "SELECT id, 'RECEIVED', 'RECEIVED', received_at, '" + ACTOR
                    + "', office_code FROM dossier WHERE id >= :first "
                    + "UNION ALL SELECT id, status, status, received_at + interval '1 day', '" + ACTOR
                    + "', office_code FROM dossier "
                    + "WHERE id >= :first AND status <> 'RECEIVED' ORDER BY 1, 4";

    /** Results ready wait for a pickup by the office that took them in; held results have their return item. */
    private static final String RETURN_LEG =
            "WITH pk AS (INSERT INTO pickup (dossier_id, office_code, agency_code, kind, created_at) "
                    + "SELECT id, office_code, agency_code, 'RESULT', updated_at + interval '1 day' FROM dossier "
                    + "WHERE id >= :first AND status = 'RESULT_READY') "
                    + "INSERT INTO delivery (dossier_id, s10_number, office_code, method, commune_code, arrived_at, failed_attempts, held_until) "
                    + "SELECT id, pg_temp.s10(nextval('s10_serial')), office_code, 'HOME', applicant_commune, updated_at + interval '2 days', "
                    + "2, current_date + (id % 10)::int FROM dossier WHERE id >= :first AND status = 'HELD_AT_OFFICE'";
}
