package vn.dossierpost.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import vn.dossierpost.domain.CalendarEntry;

/**
 * {@code GET/PUT /api/calendar/{year}}: the entries an administrator maintains, and (read only) the
 * weekdays that are effectively off once holidays falling on a weekend are compensated.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CalendarYear(Integer year, List<Day> days, List<LocalDate> weekdaysOff) {
    public record Day(LocalDate date, CalendarEntry.Kind kind, String name) {}
}
