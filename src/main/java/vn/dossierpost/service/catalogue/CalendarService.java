package vn.dossierpost.service.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.CalendarYear;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.db.CatalogueDAO;
import vn.dossierpost.db.CatalogueDAO.CalendarRow;
import vn.dossierpost.domain.CalendarEntry;
import vn.dossierpost.domain.InvalidValueException;
import vn.dossierpost.domain.WorkingCalendar;
import vn.dossierpost.service.Problem;

/** The working calendar per year, edited by an administrator as the government announces it. */
public final class CalendarService {
    private final Jdbi jdbi;
    private final ReferenceDataCache referenceData;

    public CalendarService(Jdbi jdbi, ReferenceDataCache referenceData) {
        this.jdbi = jdbi;
        this.referenceData = referenceData;
    }

    public CalendarYear get(int year) {
        checkYear(year);
        List<CalendarRow> rows = jdbi.withExtension(CatalogueDAO.class, dao -> dao.calendar(year));
        WorkingCalendar calendar = referenceData.get().calendar();
        return new CalendarYear(
                year,
                rows.stream()
                        .map(r -> new CalendarYear.Day(r.day(), CalendarEntry.Kind.valueOf(r.kind()), r.name()))
                        .toList(),
                calendar.daysOff(year).stream().sorted().toList());
    }

    /** Replaces the year's entries in one transaction; the body's shape was checked by its annotations (Jersey's {@code @Valid}). */
    public CalendarYear replace(int year, CalendarYear body) {
        checkYear(year);
        List<CalendarEntry> entries = body.days().stream()
                .map(d -> new CalendarEntry(d.date(), d.kind(), d.name().trim()))
                .toList();
        try {
            WorkingCalendar.validate(year, entries);
        } catch (InvalidValueException e) {
            throw Problem.invalid("days", e.getMessage());
        }
        jdbi.useTransaction(h -> {
            CatalogueDAO dao = h.attach(CatalogueDAO.class);
            dao.deleteCalendarYear(year);
            dao.insertCalendar(entries.stream()
                    .map(e -> new CalendarRow(e.date(), e.kind().name(), e.name()))
                    .toList());
        });
        referenceData.invalidate();
        return get(year);
    }

    /** Adds one entry, or replaces the one of the same date: the year is checked as a whole again. */
    public CalendarYear add(int year, CalendarYear.Day day) {
        List<FieldProblem> problems = new ArrayList<>();
        if (day.date() == null) {
            problems.add(new FieldProblem("date", "is required (YYYY-MM-DD)"));
        }
        if (day.kind() == null) {
            problems.add(new FieldProblem("kind", "is required: HOLIDAY, DAY_OFF or WORKING_DAY"));
        }
        if (day.name() == null || day.name().isBlank()) {
            problems.add(new FieldProblem("name", "is required, e.g. Tết Nguyên đán"));
        } else if (day.name().length() > 200) {
            problems.add(new FieldProblem("name", "at most 200 characters"));
        }
        if (!problems.isEmpty()) {
            throw Problem.invalid(problems);
        }
        List<CalendarYear.Day> days = new ArrayList<>(get(year).days());
        days.removeIf(d -> d.date().equals(day.date()));
        days.add(day);
        return replace(year, new CalendarYear(year, days, null));
    }

    /** Removes the entry of {@code date}; 404 when the year has none that day. */
    public CalendarYear remove(int year, LocalDate date) {
        List<CalendarYear.Day> days = new ArrayList<>(get(year).days());
        if (!days.removeIf(d -> d.date().equals(date))) {
            throw Problem.notFound("no calendar entry on " + date);
        }
        return replace(year, new CalendarYear(year, days, null));
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw Problem.invalid("year", "must be between 2000 and 2100");
        }
    }
}
