package vn.dossierpost.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import vn.dossierpost.domain.CalendarEntry;

/**
 * {@code GET/PUT /api/calendar/{year}}: the entries an administrator maintains, and (read only) the
 * weekdays that are effectively off once holidays falling on a weekend are compensated.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CalendarYear(
        Integer year,

        @NotNull(message = "is required: the list of \\{date, kind, name\\} (kind HOLIDAY, DAY_OFF or WORKING_DAY)")
        List<@NotNull(message = "is required: \\{date, kind, name\\}") @Valid Day> days,

        List<LocalDate> weekdaysOff) {

    public record Day(
            @NotNull(message = "is required (YYYY-MM-DD)") LocalDate date,

            @NotNull(message = "is required: HOLIDAY, DAY_OFF or WORKING_DAY")
            CalendarEntry.Kind kind,

            @NotBlank(message = "is required, e.g. Tết Nguyên đán") @Line(max = 200)
            String name) {}
}
