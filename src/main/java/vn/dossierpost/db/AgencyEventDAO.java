package vn.dossierpost.db;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Agencies' events as received, and the few dossier fields they set. */
public interface AgencyEventDAO {

    record Answer(int answerStatus, String answer) {}

    record Received(String agencyCode, String eventId, Long dossierId, String dossierCode, String type, OffsetDateTime at,
                    OffsetDateTime receivedAt, String source, String outcome, int answerStatus, String answer) {}

    @SqlQuery("SELECT answer_status, answer FROM agency_event WHERE agency_code = :agency AND event_id = :eventId")
    @RegisterConstructorMapper(Answer.class)
    Optional<Answer> answer(@Bind("agency") String agencyCode, @Bind("eventId") String eventId);

    @SqlUpdate("INSERT INTO agency_event (agency_code, event_id, dossier_id, dossier_code, type, at, received_at, source, outcome, "
            + "answer_status, answer) VALUES (:agencyCode, :eventId, :dossierId, :dossierCode, :type, :at, :receivedAt, :source, "
            + ":outcome, :answerStatus, :answer)")
    void insert(@BindMethods Received event);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM agency_event WHERE dossier_id = :id AND type = 'DELAYED' AND outcome = 'APPLIED')")
    boolean delayedBefore(@Bind("id") long dossierId);

    /** Whether the dossier was ever put in a handover to this agency. */
    @SqlQuery("SELECT EXISTS (SELECT 1 FROM handover_item i JOIN handover h ON h.id = i.handover_id "
            + "WHERE i.dossier_id = :id AND h.agency_code = :agency)")
    boolean handedTo(@Bind("id") long dossierId, @Bind("agency") String agencyCode);

    @SqlUpdate("UPDATE dossier SET filed_at = coalesce(filed_at, :at) WHERE id = :id")
    void filedIfNot(@Bind("id") long dossierId, @Bind("at") OffsetDateTime at);

    @SqlUpdate("UPDATE dossier SET result_due = :day WHERE id = :id")
    void rescheduled(@Bind("id") long dossierId, @Bind("day") LocalDate newAppointmentDate);

    @SqlUpdate("UPDATE dossier SET result_reference = :ref WHERE id = :id")
    void resultReference(@Bind("id") long dossierId, @Bind("ref") String resultReference);
}
