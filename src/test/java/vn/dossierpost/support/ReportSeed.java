package vn.dossierpost.support;

import org.jdbi.v3.core.Handle;
import vn.dossierpost.domain.DossierTransitions;
import vn.dossierpost.domain.ServiceForm;

/**
 * Dossiers of the first quarter of 2026 written straight to the database with chosen times (Hà Nội
 * time), for the periodic reports. What each one does, and so what the reports must count, is
 * written beside it; the tests hand-count their expectations from this table.
 *
 * <pre>
 * code  procedure (agency)        office  received        handover/result/return due   what happened in Q1
 * R1    2.000488 (15.H26)         100000  2026-01-05      01-07 / 01-21 / 01-23        handed 01-06, result 01-20, delivered 01-22: all on time
 * R2    2.000488 (15.H26)         100000  2026-01-10      01-12 / 01-26 / 01-28        handed 01-14 late (post); supplement asked 01-20,
 *                                                                                      result 02-05 late (applicant); delivered 02-10 late
 *                                                                                      (applicant), 20 000 of postage collected on delivery
 * R3    9.000201 (42.H26)         100000  2026-02-02      02-04 / 02-11 / 02-13        handed 02-04; result 02-16 late (agency); delivered
 *                                                                                      02-18 late (agency: still processing on 02-13)
 * R4    2.000488.000.00.00.H29    700000  2026-03-02      03-05 / 03-19 / -            handed 03-06 late (post: in transit); refused 03-10,
 *       (15.H29)                                                                       its fee 200 000 paid back 03-11
 * R5    2.000488 (15.H26)         700000  2026-03-20      03-23 / - / -                withdrawn 03-21, all 256 000 paid back
 * R6    2.000488 (15.H26)         100000  2025-12-30      2026-01-02 / 01-16 / -       received (and paid) in 2025, handed 01-02 on time;
 *                                                                                      still at the agency when the quarter ends
 * R7    2.000488 (15.H26)         100000  2026-03-31 23:30 -                           received and paid the last evening of the quarter
 * R8    2.000488 (15.H26)         100000  2026-04-01 00:10 -                           received in the second quarter (17:10 UTC on 03-31)
 *
 * After the service (complaints: received, due, what became of it; incidents: found, owed, paid):
 * K1    about R1 at 100000  received 01-23, due 01-30, answered 01-29 (on time)
 * K2    about R2 at 100000  received 02-02, due 02-09, answered 02-12 (late)
 * K3    about R5 at 700000  received 03-25, due 04-01, still open (overdue now)
 * K4    about R1 at 100000  received 04-03: the second quarter
 * S1    R2 return leg lost at 100000, found 02-10, 4 × 28 000 + 100 000 = 212 000 by 03-12, paid 03-20 (late)
 * S2    R3 outbound damaged at 100000, found 03-01, 4 × 28 000 = 112 000 by 03-31, unpaid (overdue now)
 * Ratings of R1: 5 (01-23) and R2: 3 (02-15) at 100000; R6: 1 on 04-02 (the second quarter)
 * </pre>
 */
public final class ReportSeed {
    private ReportSeed() {}

    public static void seed(Handle h) {
        dossier(
                h,
                "R1",
                ServiceForm.SEND_AND_RETURN,
                "2.000488",
                "000.00.15.H26",
                "100000",
                "2026-01-05 10:00",
                "2026-01-07",
                "2026-01-21",
                "2026-01-23",
                56000,
                200000,
                0);
        events(
                h,
                "R1",
                "DELIVERED_TO_AGENCY 2026-01-06",
                "IN_PROCESSING 2026-01-07",
                "RESULT_READY 2026-01-20",
                "RESULT_COLLECTED 2026-01-21",
                "DELIVERED 2026-01-22");
        paid(h, "R1", "CASH", "2026-01-05 10:05");

        dossier(
                h,
                "R2",
                ServiceForm.SEND_AND_RETURN,
                "2.000488",
                "000.00.15.H26",
                "100000",
                "2026-01-10 09:00",
                "2026-01-12",
                "2026-01-26",
                "2026-01-28",
                40000,
                200000,
                20000);
        events(
                h,
                "R2",
                "IN_TRANSIT_TO_AGENCY 2026-01-11",
                "DELIVERED_TO_AGENCY 2026-01-14",
                "IN_PROCESSING 2026-01-14",
                "SUPPLEMENT_REQUESTED 2026-01-20",
                "IN_PROCESSING 2026-02-02",
                "RESULT_READY 2026-02-05",
                "RESULT_COLLECTED 2026-02-06",
                "OUT_FOR_DELIVERY 2026-02-10",
                "DELIVERED 2026-02-10");
        paid(h, "R2", "VIETQR", "2026-01-10 09:10");
        deliveredWithCod(h, "R2", "100000", "2026-02-10 15:00", 20000);

        dossier(
                h,
                "R3",
                ServiceForm.SEND_AND_RETURN,
                "9.000201",
                "000.00.42.H26",
                "100000",
                "2026-02-02 08:30",
                "2026-02-04",
                "2026-02-11",
                "2026-02-13",
                30000,
                135000,
                0);
        events(
                h,
                "R3",
                "DELIVERED_TO_AGENCY 2026-02-04",
                "IN_PROCESSING 2026-02-05",
                "RESULT_READY 2026-02-16",
                "RESULT_COLLECTED 2026-02-17",
                "OUT_FOR_DELIVERY 2026-02-17",
                "DELIVERED 2026-02-18");
        paid(h, "R3", "CARD", "2026-02-02 08:40");

        dossier(
                h,
                "R4",
                ServiceForm.SEND_AND_RETURN,
                "2.000488.000.00.00.H29",
                "000.00.15.H29",
                "700000",
                "2026-03-02 14:00",
                "2026-03-05",
                "2026-03-19",
                null,
                60000,
                200000,
                0);
        events(h, "R4", "IN_TRANSIT_TO_AGENCY 2026-03-03", "DELIVERED_TO_AGENCY 2026-03-06", "REFUSED 2026-03-10");
        paid(h, "R4", "CASH", "2026-03-02 14:05");
        refunded(h, "R4", "2026-03-11 10:00", 200000);

        dossier(
                h,
                "R5",
                ServiceForm.SEND_AND_RETURN,
                "2.000488",
                "000.00.15.H26",
                "700000",
                "2026-03-20 10:00",
                "2026-03-23",
                null,
                null,
                56000,
                200000,
                0);
        events(h, "R5", "WITHDRAWN 2026-03-21");
        paid(h, "R5", "CASH", "2026-03-20 10:05");
        refunded(h, "R5", "2026-03-21 09:00", 256000);

        dossier(
                h,
                "R6",
                ServiceForm.SEND_AND_RETURN,
                "2.000488",
                "000.00.15.H26",
                "100000",
                "2025-12-30 10:00",
                "2026-01-02",
                "2026-01-16",
                null,
                56000,
                200000,
                0);
        events(h, "R6", "DELIVERED_TO_AGENCY 2026-01-02");
        paid(h, "R6", "CASH", "2025-12-30 10:05");

        dossier(
                h,
                "R7",
                ServiceForm.SEND_AND_RETURN,
                "2.000488",
                "000.00.15.H26",
                "100000",
                "2026-03-31 23:30",
                null,
                null,
                null,
                56000,
                200000,
                0);
        paid(h, "R7", "CASH", "2026-03-31 23:35");

        dossier(
                h,
                "R8",
                ServiceForm.SEND_AND_RETURN,
                "2.000488",
                "000.00.15.H26",
                "100000",
                "2026-04-01 00:10",
                null,
                null,
                null,
                56000,
                200000,
                0);

        complaint(h, "R1", "100000", "2026-01-23", "2026-01-30", "2026-01-29");
        complaint(h, "R2", "100000", "2026-02-02", "2026-02-09", "2026-02-12");
        complaint(h, "R5", "700000", "2026-03-25", "2026-04-01", null);
        complaint(h, "R1", "100000", "2026-04-03", "2026-04-10", null);
        incident(h, "R2", "RETURN", "LOST", "2026-02-10", 100000, "2026-03-20 09:00");
        incident(h, "R3", "OUTBOUND", "DAMAGED", "2026-03-01", 0, null);
        rating(h, "R1", 5, "2026-01-23 20:00");
        rating(h, "R2", 3, "2026-02-15 08:00");
        rating(h, "R6", 1, "2026-04-02 08:00");
    }

    /** A complaint received on {@code received}, answered on {@code answered} (open when null). */
    private static void complaint(Handle h, String code, String office, String received, String due, String answered) {
        h.execute(
                "INSERT INTO complaint (dossier_id, complainant, complainant_name, office_code, channel, content, "
                        + "received_on, inter_province, answer_due, state, answer, closed_on, closed_by, received_by, "
                        + "created_at) SELECT id, 'APPLICANT', 'Trần Văn Bình', ?, 'COUNTER', 'Chậm trả kết quả', ?::date, "
                        + "false, ?::date, ?, ?, ?::date, ?, 'clerk', now() FROM dossier WHERE code = ?",
                office,
                received,
                due,
                answered == null ? "RECEIVED" : "ANSWERED",
                answered == null ? null : "Đã kiểm tra và xin lỗi.",
                answered,
                answered == null ? null : "supervisor",
                code);
    }

    /** An item of the leg found lost or damaged at 100000 (postage 28 000), paid at {@code paid} or not. */
    private static void incident(
            Handle h, String code, String leg, String kind, String found, long reissue, String paid) {
        h.execute(
                "INSERT INTO incident (dossier_id, leg, kind, found_by, found_where, found_on, office_code, description, "
                        + "postage, reissue_costs, compensation, pay_by, paid_at, paid_by, recorded_by, created_at) "
                        + "SELECT id, ?, ?, 'Khai thác', 'Bưu cục', ?::date, '100000', 'Mất', 28000, ?, 4 * 28000 + ?, "
                        + "?::date + 30, ?::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', ?, 'clerk', now() "
                        + "FROM dossier WHERE code = ?",
                leg,
                kind,
                found,
                reissue,
                reissue,
                found,
                paid,
                paid == null ? null : "supervisor",
                code);
    }

    private static void rating(Handle h, String code, int score, String at) {
        h.execute(
                "INSERT INTO rating (dossier_id, score, rated_at) SELECT id, ?, ?::timestamp AT TIME ZONE "
                        + "'Asia/Ho_Chi_Minh' FROM dossier WHERE code = ?",
                score,
                at,
                code);
    }

    /** A dossier of {@code form} received at {@code received} (Hà Nội time), in its form's first status. */
    public static void dossier(
            Handle h,
            String code,
            ServiceForm form,
            String procedure,
            String agency,
            String office,
            String received,
            String handoverDue,
            String resultDue,
            String returnDue,
            long postage,
            long fee,
            long dueOnDelivery) {
        h.execute(
                "INSERT INTO dossier (code, procedure_code, agency_code, office_code, service_form, status, applicant_name, "
                        + "applicant_citizen_id, applicant_phone, applicant_street, applicant_commune, delivery_method, "
                        + "route_class, received_at, received_by, acceptance_day, handover_due, result_due, return_due, "
                        + "postage, government_fee, payment_method, fees, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
                        + "'Trần Văn Bình', '001190123456', '0912345678', 'Số 1 Tràng Tiền', '00070', 'HOME', "
                        + "'WITHIN_PROVINCE', ?::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', 'clerk', ?::date, ?::date, "
                        + "?::date, ?::date, ?, ?, 'CASH', jsonb_build_object('items', '[]'::jsonb, 'dueOnDelivery', ?::bigint), now())",
                code,
                procedure,
                agency,
                office,
                form.name(),
                DossierTransitions.initialStatus(form).name(),
                received,
                received.substring(0, 10),
                handoverDue,
                resultDue,
                returnDue,
                postage,
                fee,
                dueOnDelivery);
    }

    /** Each {@code "STATUS yyyy-mm-dd"} reached at noon of that day; the dossier left in the last. */
    public static void events(Handle h, String code, String... statusAndDay) {
        for (String e : statusAndDay) {
            String[] p = e.split(" ");
            h.execute(
                    "INSERT INTO dossier_event (dossier_id, type, to_status, at, actor) SELECT id, 'STATUS', ?, "
                            + "(?::date + time '12:00') AT TIME ZONE 'Asia/Ho_Chi_Minh', 'test' FROM dossier WHERE code = ?",
                    p[0],
                    p[1],
                    code);
            h.execute("UPDATE dossier SET status = ? WHERE code = ?", p[0], code);
        }
    }

    private static void paid(Handle h, String code, String method, String at) {
        h.execute(
                "INSERT INTO payment (dossier_id, state, method, taken_by, paid_at, updated_at) SELECT id, 'PAID', ?, "
                        + "'clerk', ?::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', now() FROM dossier WHERE code = ?",
                method,
                at,
                code);
    }

    private static void refunded(Handle h, String code, String at, long amount) {
        h.execute(
                "UPDATE payment SET state = 'REFUNDED', refunded_by = 'clerk', refund_reason = 'test', refunded_amount = ?, "
                        + "refunded_at = ?::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' "
                        + "WHERE dossier_id = (SELECT id FROM dossier WHERE code = ?)",
                amount,
                at,
                code);
    }

    private static void deliveredWithCod(Handle h, String code, String office, String at, long amount) {
        h.execute(
                "INSERT INTO delivery (dossier_id, s10_number, office_code, method, commune_code, amount_due, finished_at) "
                        + "SELECT id, 'EH' || lpad(id::text, 8, '0') || '1VN', ?, 'HOME', '00070', ?, "
                        + "?::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' FROM dossier WHERE code = ?",
                office,
                amount,
                at,
                code);
        h.execute(
                "INSERT INTO delivery_attempt (dossier_id, client_attempt_id, actor, outcome, at, recorded_at, "
                        + "amount_collected, answer) SELECT id, 'a1', 'courier', 'DELIVERED', "
                        + "?::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh', now(), ?, 'OK' FROM dossier WHERE code = ?",
                at,
                amount,
                code);
    }
}
