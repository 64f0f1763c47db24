package vn.dossierpost.cli;

import java.util.List;

/**
 * The statements of one {@link DossierSeed} batch, in order. {@code seed_batch} holds the batch's
 * dossiers computed once (one row per dossier, its id taken from the dossier sequence), {@code
 * seed_events} their timelines from the paths, {@code seed_times} when each reached the moments the
 * other rows need; the writes then copy them into the real tables.
 */
final class DossierSeedSql {
    private DossierSeedSql() {}

    /**
     * Seed number j (from the S10 serial, so unique across runs) drives every choice through a 64-bit
     * hash of it (hashint8extended: hashint8's is 32 bits, and a shift past them reads the sign): office, procedure, status by age, late legs. Person p = j spread over 7,000,003 people, so a
     * person has about 1.4 dossiers at 10 million; names, CCCD and phone derive from p (a person keeps
     * theirs). CCCD: a province of birth, G 0/1 (born 1950–1999, male or female), the year, six digits
     * that keep every person's number distinct. Received between 07:30 and 16:30 local time. The
     * offices' communes ({@code oc}) are gathered once: inlined, their subquery ran twice a dossier.
     * {@code s10}: the check digit of the weighted sum w is 11 - w mod 11, 0 for 10 and 5 for 11, read
     * from an array so that the sum is written once and the function is inlined, not called per row.
     */
    static final String STAGE = """
            CREATE OR REPLACE FUNCTION pg_temp.s10(serial bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
              SELECT 'BX' || lpad(serial::text, 8, '0') || (ARRAY[5, 0, 9, 8, 7, 6, 5, 4, 3, 2, 1])[1 + (
                  8 * (serial / 10000000 % 10) + 6 * (serial / 1000000 % 10) + 4 * (serial / 100000 % 10)
                  + 2 * (serial / 10000 % 10) + 3 * (serial / 1000 % 10) + 5 * (serial / 100 % 10) + 9 * (serial / 10 % 10)
                  + 7 * (serial % 10)) % 11]::text || 'VN' $$;
            CREATE TEMP TABLE seed_batch AS
            WITH o AS (SELECT array_agg(code ORDER BY code) a FROM post_office),
            p AS (SELECT array_agg(p.code ORDER BY p.code) c, array_agg(p.agency_code ORDER BY p.code) ag,
                    array_agg(p.processing_days ORDER BY p.code) pd, array_agg(p.government_fee ORDER BY p.code) fee
                  FROM procedure p WHERE p.postal_allowed),
            oc AS MATERIALIZED (SELECT o.code, COALESCE((SELECT array_agg(commune_code ORDER BY commune_code) FROM office_commune c
                    WHERE c.office_code = o.code), ARRAY[o.commune_code]) a FROM post_office o),
            g AS (SELECT k, (:serial + 2 * k) / 2 AS j, :serial + 2 * k AS serial, hashint8extended(:serial + 2 * k, 0) AS h
                  FROM generate_series(0::bigint, :size - 1) k),
            x AS (SELECT g.*, (j * 7919) % 7000003 AS person, (j % 400)::int AS age, ((h & 1023) % 100)::int AS roll,
                    o.a[1 + ((h >> 10) & 1023) % array_length(o.a, 1)] AS office_code,
                    1 + ((h >> 20) & 1023) % array_length(p.c, 1) AS pi,
                    ((h >> 30) & 15) < 2 AS late1, ((h >> 34) & 15) < 3 AS late2, ((h >> 38) & 15) < 1 AS late3,
                    (now() AT TIME ZONE :tz)::date AS today
                  FROM g, o, p),
            y AS (SELECT x.*, p.c[pi] AS procedure_code, p.ag[pi] AS agency_code, p.pd[pi] AS processing_days,
                    p.fee[pi] AS government_fee, today - age AS day,
                    least(((today - age) + time '07:30' + make_interval(secs => (j * 37) % 32400)) AT TIME ZONE :tz,
                          now() - interval '1 minute') AS rec,
                    CASE WHEN age = 0 THEN (CASE WHEN roll < 50 THEN 'RECEIVED' WHEN roll < 97 THEN 'DIGITISED' ELSE 'WITHDRAWN' END)
                      WHEN age <= 2 THEN (CASE WHEN roll < 40 THEN 'IN_TRANSIT_TO_AGENCY' ELSE 'DELIVERED_TO_AGENCY' END)
                      WHEN age <= 10 THEN (CASE WHEN roll < 8 THEN 'SUPPLEMENT_REQUESTED' WHEN roll < 75 THEN 'IN_PROCESSING'
                        WHEN roll < 80 THEN 'REFUSED' ELSE 'RESULT_READY' END)
                      WHEN age <= 14 THEN (CASE WHEN roll < 50 THEN 'RESULT_READY' WHEN roll < 75 THEN 'RESULT_COLLECTED'
                        WHEN roll < 90 THEN 'OUT_FOR_DELIVERY' ELSE 'HELD_AT_OFFICE' END)
                      WHEN age <= 30 THEN (CASE WHEN roll < 10 THEN 'OUT_FOR_DELIVERY' WHEN roll < 20 THEN 'HELD_AT_OFFICE'
                        WHEN roll < 25 THEN 'REFUSED' ELSE 'DELIVERED' END)
                      ELSE (CASE WHEN roll < 1 THEN 'WITHDRAWN' WHEN roll < 3 THEN 'RETURNED_TO_AGENCY' WHEN roll < 6 THEN 'REFUSED'
                        WHEN roll < 7 THEN 'SUPPLEMENT_REQUESTED' ELSE 'DELIVERED' END) END AS status,
                    (CASE WHEN late1 THEN 3 ELSE 0 END) AS d1
                  FROM x, p),
            z AS (SELECT y.*, d1 + (CASE WHEN late2 THEN 5 ELSE 0 END) AS d2 FROM y),
            w AS (SELECT z.*, d2 + (CASE WHEN late3 THEN 2 ELSE 0 END) AS d3 FROM z)
            SELECT nextval('dossier_id_seq') AS id, w.k, w.j, w.person, w.office_code, w.procedure_code, w.agency_code,
              w.processing_days, w.government_fee, w.day, w.rec, w.status, w.d1, w.d2, w.d3, w.h,
              pg_temp.s10(w.serial) AS s10, pg_temp.s10(w.serial + 1) AS return_s10,
              oc.a[1 + w.person % array_length(oc.a, 1)] AS commune,
              row_number() OVER (PARTITION BY w.agency_code, w.day ORDER BY w.k) AS rank,
              least(1.0, greatest(0.0, extract(epoch FROM now() - w.rec - interval '1 minute'))
                / greatest(1.0, extract(epoch FROM e.hours * interval '1 hour'
                  + (CASE e.leg WHEN 0 THEN 0 WHEN 1 THEN w.d1 WHEN 2 THEN w.d2 ELSE w.d3 END) * interval '1 day')))::float8 AS f
            FROM w JOIN oc ON oc.code = w.office_code
            JOIN seed_path e ON e.end_status = w.status AND e.status = w.status;
            ANALYZE seed_batch;
            CREATE TEMP TABLE seed_events AS
            SELECT b.id AS dossier_id, s.pos, s.status, s.prev, s.agency,
              b.rec + (s.hours * interval '1 hour'
                + (CASE s.leg WHEN 0 THEN 0 WHEN 1 THEN b.d1 WHEN 2 THEN b.d2 ELSE b.d3 END) * interval '1 day') * b.f AS at
            FROM seed_batch b JOIN seed_path s ON s.end_status = b.status;
            CREATE TEMP TABLE seed_times AS
            SELECT dossier_id AS id, max(at) FILTER (WHERE status = 'IN_TRANSIT_TO_AGENCY') AS t_transit,
              max(at) FILTER (WHERE status = 'DELIVERED_TO_AGENCY') AS t_agency,
              max(at) FILTER (WHERE status = 'RESULT_READY') AS t_ready,
              max(at) FILTER (WHERE status = 'RESULT_COLLECTED') AS t_collected,
              max(at) FILTER (WHERE status = 'DELIVERY_FAILED') AS t_failed,
              max(at) FILTER (WHERE status = 'HELD_AT_OFFICE') AS t_held, max(at) AS t_end
            FROM seed_events GROUP BY 1;
            ANALYZE seed_times
            """;

    /**
     * The agencies' per-day counters moved on by the batch's dossiers of that agency and day, in this
     * transaction (an intake of the same agency and day waits for it, then goes on after them).
     */
    static final String CODES = """
            CREATE TEMP TABLE seed_codes AS
            WITH c AS (SELECT agency_code, day, count(*) AS n FROM seed_batch GROUP BY 1, 2),
            up AS (INSERT INTO dossier_code_sequence (agency_code, day, last_value) SELECT agency_code, day, n FROM c
              ON CONFLICT (agency_code, day) DO UPDATE SET last_value = dossier_code_sequence.last_value + EXCLUDED.last_value
              RETURNING agency_code, day, last_value)
            SELECT up.agency_code, up.day, up.last_value - c.n AS base, up.last_value AS top FROM up JOIN c USING (agency_code, day)
            """;

    private static final String NAME = """
            (ARRAY['Nguyễn','Nguyễn','Nguyễn','Nguyễn','Nguyễn','Nguyễn','Nguyễn','Nguyễn','Trần','Trần','Lê','Lê','Phạm',
              'Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ'])[1 + b.person % 21] || ' '
            || (ARRAY['Văn','Thị','Hữu','Đức','Minh','Ngọc','Thanh','Quốc','Thu','Hoàng','Văn','Thị','Xuân','Gia'])[1 + (b.person / 21) % 14]
            || ' ' || (ARRAY['An','Anh','Bình','Châu','Dũng','Hà','Hải','Hạnh','Hiếu','Hoa','Hồng','Hùng','Hương','Lan','Linh',
              'Long','Mai','Minh','Nam','Nga','Ngọc','Nhung','Phong','Phương','Quân','Sơn','Tâm','Thảo','Thắng','Trang','Tuấn',
              'Vân','Việt','Yến'])[1 + (b.person / 294) % 34]""";

    private static final String STREET =
            "'Số ' || (1 + b.person % 200) || ' ' || (ARRAY['phố Hàng Bông','đường Lê Lợi',"
                    + "'ngõ 12 phố Trần Hưng Đạo','đường Nguyễn Huệ','đường Hùng Vương','phố Huế'])[1 + (b.person / 200) % 6]";

    private static final String FEES = "json_build_object('items', json_build_array("
            + "json_build_object('code', 'POSTAGE_OUTBOUND', 'labelVi', 'Cước chuyển hồ sơ đến cơ quan', "
            + "'labelEn', 'Postage to the agency', 'amount', 28000), "
            + "json_build_object('code', 'POSTAGE_RETURN', 'labelVi', 'Cước chuyển trả kết quả', "
            + "'labelEn', 'Postage of the result', 'amount', 28000), "
            + "json_build_object('code', 'GOVERNMENT_FEE', 'labelVi', 'Phí, lệ phí', 'labelEn', 'Government fee', "
            + "'amount', b.government_fee)), 'postage', 56000, 'governmentFee', b.government_fee, "
            + "'total', 56000 + b.government_fee, 'dueOnDelivery', 0, 'paidAtCounter', 56000 + b.government_fee, "
            + "'paymentMethod', 'CASH')::jsonb";

    /** Each counted as rows written, in order (the dossier before what refers to it). */
    static final List<String> WRITES = List.of(
            "INSERT INTO dossier (id, code, s10_number, return_s10_number, procedure_code, agency_code, office_code, "
                    + "service_form, status, applicant_name, applicant_citizen_id, applicant_phone, applicant_street, "
                    + "applicant_commune, delivery_method, delivery_street, delivery_commune, route_class, received_at, "
                    + "received_by, acceptance_day, handover_due, result_due, return_due, postage, government_fee, "
                    + "payment_method, fees, updated_at, filed_at, agency_receipt_number, result_reference, "
                    + "delivery_office_code) "
                    + "SELECT b.id, b.agency_code || '-' || to_char(b.day, 'YYMMDD') || '-' || lpad((c.base + b.rank)::text, 4, '0'), "
                    + "b.s10, CASE WHEN t.t_collected IS NOT NULL THEN b.return_s10 END, b.procedure_code, b.agency_code, "
                    + "b.office_code, 'SEND_AND_RETURN', b.status, " + NAME + ", "
                    + "(ARRAY['001','079','031','048','036','046'])[1 + b.person % 6] || ((b.person / 6) % 2)::text "
                    + "|| lpad((50 + (b.person / 12) % 50)::text, 2, '0') || lpad(((b.person / 600) % 1000000)::text, 6, '0'), "
                    + "'09' || lpad(((b.person * 104729) % 100000000)::text, 8, '0'), " + STREET
                    + ", b.commune, 'HOME', "
                    + STREET + ", b.commune, 'WITHIN_PROVINCE', b.rec, '" + DossierSeed.ACTOR + "', b.day, b.day + 2, "
                    + "b.day + 11, b.day + 14, 56000, b.government_fee, 'CASH', "
                    + FEES + ", t.t_end, t.t_agency, CASE WHEN t.t_agency IS NOT NULL THEN 'TN-' || b.id END, "
                    + "CASE WHEN t.t_ready IS NOT NULL THEN 'KQ-' || b.id END, b.office_code "
                    + "FROM seed_batch b JOIN seed_codes c USING (agency_code, day) JOIN seed_times t ON t.id = b.id ORDER BY b.id",
            "INSERT INTO dossier_component (dossier_id, code, name, form, pages, position) "
                    + "SELECT b.id, pc.code, pc.name, pc.form, 1 + (b.person + pc.position) % 3, pc.position "
                    + "FROM seed_batch b JOIN procedure_component pc ON pc.procedure_code = b.procedure_code AND pc.required",
            "INSERT INTO dossier_event (dossier_id, type, from_status, to_status, at, actor, office_code, agency_code) "
                    + "SELECT e.dossier_id, e.status, e.prev, e.status, e.at, '" + DossierSeed.ACTOR + "', "
                    + "CASE WHEN NOT e.agency THEN b.office_code END, CASE WHEN e.agency THEN b.agency_code END "
                    + "FROM seed_events e JOIN seed_batch b ON b.id = e.dossier_id ORDER BY e.dossier_id, e.pos",
            "INSERT INTO payment (dossier_id, state, method, taken_by, paid_at, refunded_by, refunded_at, refund_reason, "
                    + "refunded_amount, updated_at) SELECT b.id, CASE WHEN b.status = 'WITHDRAWN' THEN 'REFUNDED' ELSE 'PAID' END, "
                    + "'CASH', '" + DossierSeed.ACTOR + "', b.rec, "
                    + "CASE WHEN b.status = 'WITHDRAWN' THEN '" + DossierSeed.ACTOR + "' END, "
                    + "CASE WHEN b.status = 'WITHDRAWN' THEN t.t_end END, CASE WHEN b.status = 'WITHDRAWN' THEN 'Rút hồ sơ' END, "
                    + "CASE WHEN b.status = 'WITHDRAWN' THEN 56000 + b.government_fee END, t.t_end "
                    + "FROM seed_batch b JOIN seed_times t ON t.id = b.id",
            // one handover per agency and day of the batch, numbered as HandoverBatches numbers them
            "CREATE TEMP TABLE seed_handover AS WITH g AS (SELECT b.agency_code, (t.t_transit AT TIME ZONE :tz)::date AS day, "
                    + "min(t.t_transit) AS at, bool_and(t.t_agency IS NOT NULL) AS all_in, max(t.t_agency) AS last_in "
                    + "FROM seed_batch b JOIN seed_times t ON t.id = b.id WHERE t.t_transit IS NOT NULL GROUP BY 1, 2), "
                    + "h AS (INSERT INTO handover (no, agency_code, channel, state, created_at, sent_at, delivered_at) "
                    + "SELECT 'BG' || to_char(g.day, 'YYMMDD') || '-' || lpad(nextval('handover_no_sequence')::text, 6, '0'), "
                    + "g.agency_code, a.channel, CASE WHEN g.all_in THEN 'DELIVERED' ELSE 'SENT' END, g.at, g.at, "
                    + "CASE WHEN g.all_in THEN g.last_in END FROM g JOIN agency a ON a.code = g.agency_code "
                    + "RETURNING id, agency_code, created_at) "
                    + "SELECT id, agency_code, (created_at AT TIME ZONE :tz)::date AS day FROM h",
            "INSERT INTO handover_item (handover_id, dossier_id, position, state, components, files, bytes, complete, "
                    + "manifest, receipt_number, received_at) SELECT h.id, b.id, row_number() OVER (PARTITION BY h.id ORDER BY b.id), "
                    + "CASE WHEN t.t_agency IS NOT NULL THEN 'DELIVERED' ELSE 'SENT' END, "
                    + "(SELECT count(*) FROM procedure_component pc WHERE pc.procedure_code = b.procedure_code AND pc.required), "
                    + "0, 0, true, json_build_object('dossierCode', d.code, 's10Number', d.s10_number, "
                    + "'procedureCode', d.procedure_code)::text, d.agency_receipt_number, t.t_agency "
                    + "FROM seed_batch b JOIN seed_times t ON t.id = b.id JOIN dossier d ON d.id = b.id "
                    + "JOIN seed_handover h ON h.agency_code = b.agency_code AND h.day = (t.t_transit AT TIME ZONE :tz)::date",
            "INSERT INTO pickup (dossier_id, office_code, agency_code, kind, result_reference, created_at, collected_at, "
                    + "collected_by, agency_officer) SELECT b.id, b.office_code, b.agency_code, 'RESULT', 'KQ-' || b.id, "
                    + "t.t_ready, t.t_collected, CASE WHEN t.t_collected IS NOT NULL THEN '" + DossierSeed.ACTOR
                    + "' END, "
                    + "CASE WHEN t.t_collected IS NOT NULL THEN 'Cán bộ Bộ phận Một cửa' END "
                    + "FROM seed_batch b JOIN seed_times t ON t.id = b.id WHERE t.t_ready IS NOT NULL",
            "INSERT INTO delivery (dossier_id, s10_number, office_code, method, commune_code, assigned_at, arrived_at, "
                    + "failed_attempts, first_failed_on, held_until, finished_at) "
                    + "SELECT b.id, b.return_s10, b.office_code, 'HOME', b.commune, t.t_collected, t.t_collected, "
                    + "CASE WHEN t.t_failed IS NOT NULL THEN 1 ELSE 0 END, (t.t_failed AT TIME ZONE :tz)::date, "
                    + "(t.t_held AT TIME ZONE :tz)::date + 14, "
                    + "CASE WHEN b.status IN ('DELIVERED', 'RETURNED_TO_AGENCY') THEN t.t_end END "
                    + "FROM seed_batch b JOIN seed_times t ON t.id = b.id WHERE t.t_collected IS NOT NULL",
            "INSERT INTO delivery_attempt (dossier_id, client_attempt_id, actor, outcome, at, recorded_at, recipient_name, "
                    + "recipient_relation, id_document_type, id_last4, reason, answer) "
                    + "SELECT e.dossier_id, 'seed-' || e.pos, '" + DossierSeed.ACTOR + "', "
                    + "CASE e.status WHEN 'DELIVERY_FAILED' THEN 'FAILED' ELSE e.status END, e.at, e.at, "
                    + "CASE WHEN e.status = 'DELIVERED' THEN d.applicant_name END, CASE WHEN e.status = 'DELIVERED' THEN 'SELF' END, "
                    + "CASE WHEN e.status = 'DELIVERED' THEN 'CCCD' END, "
                    + "CASE WHEN e.status = 'DELIVERED' THEN right(d.applicant_citizen_id, 4) END, "
                    + "CASE WHEN e.status = 'DELIVERY_FAILED' THEN 'NOT_AT_HOME' END, '{}' "
                    + "FROM seed_events e JOIN dossier d ON d.id = e.dossier_id "
                    + "WHERE e.status IN ('OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY_FAILED')",
            "INSERT INTO rating (dossier_id, score, comment, rated_at) SELECT b.id, "
                    + "(ARRAY[5, 5, 5, 4, 4, 4, 3, 2, 5, 4, 5, 1, 4, 5, 3, 5])[1 + ((b.h >> 44) & 15)], "
                    + "CASE WHEN (b.h >> 48) & 7 = 0 THEN 'Nhân viên bưu điện hướng dẫn tận tình, nhận kết quả tại nhà rất tiện.' END, "
                    + "least(t.t_end + interval '1 day', now()) FROM seed_batch b JOIN seed_times t ON t.id = b.id "
                    + "WHERE b.status = 'DELIVERED' AND (b.h >> 52) & 7 < 2");
}
