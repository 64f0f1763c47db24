package vn.dossierpost.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The supervisor's dashboard over the last {@code days} days: intake per day and office, each leg's
 * on-time share per agency and per office, the handover backlog, the results brought back, and the
 * applicants' ratings per office and procedure.
 * {@code office} is the one office it is confined to, null for the whole network.
 */
public record DashboardView(
        String office,
        int days,
        LocalDate from,
        List<IntakeDay> intake,
        List<Leg> legsByAgency,
        List<Leg> legsByOffice,
        Backlog backlog,
        Deliveries deliveries,
        List<Satisfaction> satisfaction) {

    public record IntakeDay(LocalDate day, String officeCode, String officeName, long dossiers) {}

    /** One agency's or office's legs: finished, and finished by the due date. */
    public record Leg(
            String code,
            String name,
            long toAgencyDone,
            long toAgencyOnTime,
            long atAgencyDone,
            long atAgencyOnTime,
            long toApplicantDone,
            long toApplicantOnTime) {}

    public record Backlog(long dossiersWaiting, long handoversBeingSent, long oldestWaitingMinutes, long deadLetters) {}

    public record Deliveries(long firstAttempt, long laterAttempt, long held, long returned, long underway) {}

    /** The ratings (1–5) given in the days shown to one office's dossiers of one procedure. */
    public record Satisfaction(
            String officeCode,
            String officeName,
            String procedureCode,
            String procedureName,
            int ratings,
            double average) {}
}
