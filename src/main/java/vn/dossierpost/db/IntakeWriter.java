package vn.dossierpost.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import vn.dossierpost.domain.Filer;
import vn.dossierpost.domain.PaymentState;

/**
 * Writes a new dossier in two statements, in plain JDBC. Intake is the one path that must run at
 * hundreds a second; through JDBI's SqlObject layer these two statements cost more CPU than the
 * rest of the request together (per-call handler set-up and reflective binding of thirty fields),
 * so here the statements are prepared and bound directly. Everything else uses the DAOs.
 */
public final class IntakeWriter {
    /**
     * The numbers a new dossier needs: the XXXX of its code and its S10 number's prefix and serial,
     * from the office's series ({@code prefix} and {@code serial} null when the office has none left).
     */
    public record Allocation(int sequence, String prefix, Long serial) {}

    /** A document of the new dossier, in the order of the procedure's list. */
    public record Document(String code, String name, String form, int pages, int position) {}

    /**
     * What is written with the dossier besides its own rows: the home pickup it was received on (or
     * null: at the counter), a line added to the first timeline entry, and the messages telling the
     * applicant (their {@code dossierId} is ignored: the new dossier's is used).
     */
    public record Along(Long homePickupId, String note, List<NotificationDAO.NewNotification> messages) {
        public static final Along NOTHING = new Along(null, null, List.of());
    }

    /**
     * One statement, committed on its own: the agency's per-day counter row and the office's S10
     * series row are locked only for this statement, not for the whole intake (all intakes for one
     * agency, or one office, queue on those rows). A dossier that then fails to be stored leaves a gap
     * in both, never a reused code or number.
     *
     * <p>Its commit does not wait for the disk ({@code synchronous_commit} off for this transaction
     * only): a row lock is held until the commit, so waiting for the flush there made every intake of
     * an office queue behind the one before it for a whole WAL flush. Nothing is weakened by it. The
     * numbers reach the applicant only with the dossier, whose own commit waits for the flush of the
     * WAL up to its record, which lies after this one: once a dossier carrying the numbers is safe,
     * so is their allocation. A crash before that loses the allocation together with everything that
     * used it, so the numbers handed out again were never given to anyone.
     */
    static final String ALLOCATE = "WITH q AS (SELECT set_config('synchronous_commit', 'off', true)), "
            + "s AS (INSERT INTO dossier_code_sequence (agency_code, day, last_value) VALUES (?, ?, 1) "
            + "ON CONFLICT (agency_code, day) DO UPDATE SET last_value = dossier_code_sequence.last_value + 1 "
            + "RETURNING last_value), n AS (" + S10SeriesDAO.TAKE + ") "
            + "SELECT s.last_value, n.prefix, n.serial FROM s LEFT JOIN n ON true CROSS JOIN q";

    /**
     * The dossier, its documents, its first timeline event (noting who filed it when that was not
     * the applicant, and a home pickup), its payment and the messages to the applicant: one
     * statement, so atomic by itself, and one round trip.
     */
    static final String INSERT =
            "WITH d AS (INSERT INTO dossier (code, s10_number, procedure_code, agency_code, office_code, "
                    + "service_form, status, applicant_name, applicant_citizen_id, applicant_phone, applicant_email, applicant_street, "
                    + "applicant_commune, delivery_method, delivery_street, delivery_commune, appointment_slip_by_post, agency_reference, "
                    + "route_class, received_at, received_by, acceptance_day, handover_due, result_due, return_due, postage, "
                    + "government_fee, payment_method, fees, updated_at, applicant_id_type, filer_name, filer_id_type, "
                    + "filer_id_number, filer_relation, filer_authorisation, delivery_office_code, home_pickup_id) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, "
                    + "?, ?, ?, ?, ?, ?, ?, ?) RETURNING id), "
                    + "c AS (INSERT INTO dossier_component (dossier_id, code, name, form, pages, position) "
                    + "SELECT d.id, x.code, x.name, x.form, x.pages, x.position FROM d, unnest(CAST(? AS text[]), CAST(? AS text[]), "
                    + "CAST(? AS text[]), CAST(? AS int[]), CAST(? AS int[])) AS x(code, name, form, pages, position)), "
                    + "e AS (INSERT INTO dossier_event (dossier_id, type, to_status, at, actor, office_code, note) "
                    + "SELECT d.id, ?, ?, ?, ?, ?, ? FROM d), "
                    + "p AS (INSERT INTO payment (dossier_id, state, method, taken_by, paid_at, updated_at) "
                    + "SELECT d.id, ?, ?, ?, ?, ? FROM d), "
                    + "n AS (INSERT INTO notification (dossier_id, kind, channel, recipient, subject, body, created_at, "
                    + "available_at) SELECT d.id, x.kind, x.channel, x.recipient, x.subject, x.body, ?, ? FROM d, "
                    + "unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[])) "
                    + "AS x(kind, channel, recipient, subject, body)) "
                    + "SELECT id FROM d";

    /** The home pickup already brought a dossier in (the unique home_pickup_id refused a second). */
    public static final class AlreadyReceived extends RuntimeException {
        public AlreadyReceived(long homePickupId) {
            super("home pickup " + homePickupId + " already brought a dossier in");
        }
    }

    private final DataSource dataSource;

    public IntakeWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Allocation allocate(String agencyCode, LocalDate receiptDay, String officeCode) {
        try (Connection c = autoCommit(dataSource.getConnection());
                PreparedStatement ps = c.prepareStatement(ALLOCATE)) {
            ps.setString(1, agencyCode);
            ps.setObject(2, receiptDay);
            ps.setString(3, officeCode);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Allocation(rs.getInt(1), rs.getString(2), rs.getObject(3, Long.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot allocate a dossier code for agency " + agencyCode, e);
        }
    }

    /** Stores the dossier with its documents, first event, payment and {@code along}; returns its id. */
    public long insert(DossierDAO.NewDossier d, List<Document> documents, Along along) {
        try (Connection c = autoCommit(dataSource.getConnection());
                PreparedStatement ps = c.prepareStatement(INSERT)) {
            int i = 0;
            ps.setString(++i, d.code());
            ps.setString(++i, d.s10Number());
            ps.setString(++i, d.procedureCode());
            ps.setString(++i, d.agencyCode());
            ps.setString(++i, d.officeCode());
            ps.setString(++i, name(d.serviceForm()));
            ps.setString(++i, name(d.status()));
            ps.setString(++i, d.applicantName());
            ps.setString(++i, d.applicantCitizenId());
            ps.setString(++i, d.applicantPhone());
            ps.setString(++i, d.applicantEmail());
            ps.setString(++i, d.applicantStreet());
            ps.setString(++i, d.applicantCommune());
            ps.setString(++i, name(d.deliveryMethod()));
            ps.setString(++i, d.deliveryStreet());
            ps.setString(++i, d.deliveryCommune());
            ps.setBoolean(++i, d.appointmentSlipByPost());
            ps.setString(++i, d.agencyReference());
            ps.setString(++i, name(d.routeClass()));
            ps.setObject(++i, d.receivedAt());
            ps.setString(++i, d.receivedBy());
            ps.setObject(++i, d.acceptanceDay(), Types.DATE);
            ps.setObject(++i, d.handoverDue(), Types.DATE);
            ps.setObject(++i, d.resultDue(), Types.DATE);
            ps.setObject(++i, d.returnDue(), Types.DATE);
            ps.setLong(++i, d.postage());
            ps.setLong(++i, d.governmentFee());
            ps.setString(++i, name(d.paymentMethod()));
            ps.setString(++i, d.fees());
            ps.setObject(++i, d.receivedAt());
            Filer filer = d.filer();
            ps.setString(++i, name(d.applicantIdType()));
            ps.setString(++i, filer == null ? null : filer.name());
            ps.setString(++i, filer == null ? null : name(filer.idType()));
            ps.setString(++i, filer == null ? null : filer.idNumber());
            ps.setString(++i, filer == null ? null : filer.relation());
            ps.setString(++i, filer == null ? null : filer.authorisation());
            ps.setString(++i, d.deliveryOfficeCode());
            ps.setObject(++i, along.homePickupId(), Types.BIGINT);
            i = documents(c, ps, i, documents);
            ps.setString(++i, name(d.status()));
            ps.setString(++i, name(d.status()));
            ps.setObject(++i, d.receivedAt());
            ps.setString(++i, d.receivedBy());
            ps.setString(++i, d.officeCode());
            ps.setString(++i, note(filer, along.note()));
            i = payment(ps, i, d);
            messages(c, ps, i, d, along.messages());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())
                    && String.valueOf(e.getMessage()).contains("home_pickup_id")) {
                throw new AlreadyReceived(along.homePickupId());
            }
            throw new IllegalStateException("cannot store dossier " + d.code() + ": " + e.getMessage(), e);
        }
    }

    /** The documents as five parallel arrays (unnested by the statement); returns the last parameter set. */
    private static int documents(Connection c, PreparedStatement ps, int i, List<Document> documents)
            throws SQLException {
        ps.setArray(
                ++i,
                c.createArrayOf("text", documents.stream().map(Document::code).toArray()));
        ps.setArray(
                ++i,
                c.createArrayOf("text", documents.stream().map(Document::name).toArray()));
        ps.setArray(
                ++i,
                c.createArrayOf("text", documents.stream().map(Document::form).toArray()));
        ps.setArray(
                ++i,
                c.createArrayOf("int4", documents.stream().map(Document::pages).toArray()));
        ps.setArray(
                ++i,
                c.createArrayOf(
                        "int4", documents.stream().map(Document::position).toArray()));
        return i;
    }

    /** The payment as intake leaves it: cash counted at the counter is paid, the rest waits. */
    private static int payment(PreparedStatement ps, int i, DossierDAO.NewDossier d) throws SQLException {
        PaymentState payment = PaymentState.atIntake(d.paymentMethod());
        boolean paid = payment == PaymentState.PAID;
        ps.setString(++i, payment.name());
        ps.setString(++i, name(d.paymentMethod()));
        ps.setString(++i, paid ? d.receivedBy() : null);
        ps.setObject(++i, paid ? d.receivedAt() : null, Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(++i, d.receivedAt());
        return i;
    }

    /** The filer's line and the caller's, the one or the other or both. */
    private static String note(Filer filer, String note) {
        if (filer == null) {
            return note;
        }
        return note == null ? filer.timelineNote() : note + ". " + filer.timelineNote();
    }

    /** The messages' columns, each bound as an array (unnested by the statement). */
    private static final List<Function<NotificationDAO.NewNotification, String>> MESSAGE_COLUMNS = List.of(
            NotificationDAO.NewNotification::kind,
            NotificationDAO.NewNotification::channel,
            NotificationDAO.NewNotification::recipient,
            NotificationDAO.NewNotification::subject,
            NotificationDAO.NewNotification::body);

    /** The messages, created when the dossier is. */
    private static void messages(
            Connection c, PreparedStatement ps, int i, DossierDAO.NewDossier d, List<NotificationDAO.NewNotification> m)
            throws SQLException {
        ps.setObject(++i, d.receivedAt());
        ps.setObject(++i, d.receivedAt());
        for (Function<NotificationDAO.NewNotification, String> column : MESSAGE_COLUMNS) {
            ps.setArray(++i, c.createArrayOf("text", m.stream().map(column).toArray()));
        }
    }

    private static Connection autoCommit(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.setAutoCommit(true);
        }
        return c;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
