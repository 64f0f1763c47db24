package vn.dossierpost.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Digitisation rate for supervisors: per post office and day of receipt, the dossiers received (those
 * with paper to scan, i.e. not RETURN_ONLY) and how many of them have been digitised; and the same
 * per office over the whole period. {@code rate} is digitised / received, from 0 to 1.
 */
public record DigitisationReportView(LocalDate from, LocalDate to, List<Day> days, List<Office> offices) {

    public record Day(
            String officeCode, String officeName, LocalDate day, long received, long digitised, double rate) {}

    public record Office(String officeCode, String officeName, long received, long digitised, double rate) {}
}
