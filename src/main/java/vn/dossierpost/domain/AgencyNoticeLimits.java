package vn.dossierpost.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * How early an agency must send its notices (Decree 61/2018, kept in Decree 118/2025): a supplement
 * request (form 02) within {@code supplementRequestWorkingDays} of receiving the dossier (Art. 18),
 * a new appointment (form 04) at least {@code delayNoticeWorkingDays} before the old one (Art. 19).
 * The numbers come from configuration: they change by decree. A late notice is still applied (the
 * dossier must follow what the agency decided) and flagged as {@link LateNotice}.
 */
public record AgencyNoticeLimits(int supplementRequestWorkingDays, int delayNoticeWorkingDays) {

    public AgencyNoticeLimits {
        if (supplementRequestWorkingDays < 0 || delayNoticeWorkingDays < 0) {
            throw new InvalidValueException("working days must be 0 or more");
        }
    }

    /**
     * @param sentOn the day the agency sent the notice
     * @param receivedAt when the agency received the dossier (its filing time, local), or null if not known
     * @param appointment the appointment the dossier had before this notice, or null
     */
    public Optional<LateNotice> late(
            DeadlineCalculator deadlines,
            AgencyEventType type,
            LocalDate sentOn,
            LocalDateTime receivedAt,
            LocalDate appointment) {
        if (type == AgencyEventType.DELAYED
                && appointment != null
                && !deadlines.announcedInTime(sentOn, appointment, delayNoticeWorkingDays)) {
            return Optional.of(LateNotice.LATE_DELAY_NOTICE);
        }
        if (type == AgencyEventType.SUPPLEMENT_REQUESTED
                && receivedAt != null
                && !deadlines.requestedInTime(receivedAt, sentOn, supplementRequestWorkingDays)) {
            return Optional.of(LateNotice.LATE_SUPPLEMENT_REQUEST);
        }
        return Optional.empty();
    }
}
