package vn.dossierpost.domain;

import java.time.LocalDate;

/**
 * The dates promised at intake. {@code acceptanceDay} is J on the slip; {@code handoverBy} the day
 * the dossier must reach the agency; {@code resultAppointment} the expected result date (the agency
 * confirms its own appointment later); {@code returnBy} the day the result must reach the applicant.
 * Null where the service form has no such step. They move after intake by the rules of
 * {@link DeadlineCalculator}: a new appointment carries the return date, a supplement re-bases the
 * hand-over date, the collection of the result re-bases the return date.
 */
public record DueDates(
        LocalDate acceptanceDay, LocalDate handoverBy, LocalDate resultAppointment, LocalDate returnBy) {}
