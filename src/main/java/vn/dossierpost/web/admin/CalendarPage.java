package vn.dossierpost.web.admin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.dossierpost.api.CalendarYear;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.CalendarEntry;
import vn.dossierpost.web.Page;

/** A year's working calendar: its entries (holidays, days off, make-up days), the form adding one. */
public final class CalendarPage extends Page {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final List<String> WEEKDAYS =
            List.of("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật");
    private static final Map<CalendarEntry.Kind, String> KINDS = Map.of(
            CalendarEntry.Kind.HOLIDAY, "Ngày lễ",
            CalendarEntry.Kind.DAY_OFF, "Ngày nghỉ (hoán đổi)",
            CalendarEntry.Kind.WORKING_DAY, "Ngày làm bù");

    /** An entry as shown: its date (ISO, for the remove button), in words, its kind in words, its name. */
    public record Row(String date, String shown, String kind, String name) {}

    private final CalendarYear calendar;
    private Map<String, String> sent = Map.of();
    private Map<String, List<String>> errors = Map.of();

    CalendarPage(WebSession session, CalendarYear calendar) {
        super("admin/calendar.ftlh", "Lịch làm việc " + calendar.year());
        signedIn(session);
        this.calendar = calendar;
    }

    CalendarPage withErrors(Map<String, String> sent, Map<String, List<String>> errors) {
        this.sent = sent;
        this.errors = errors;
        return this;
    }

    public int getYear() {
        return calendar.year();
    }

    public List<Row> getRows() {
        return calendar.days().stream()
                .sorted(Comparator.comparing(CalendarYear.Day::date))
                .map(d -> new Row(d.date().toString(), shown(d.date()), KINDS.get(d.kind()), d.name()))
                .toList();
    }

    /** The weekdays off once holidays on a weekend are compensated, as dd/MM/yyyy (Thứ …). */
    public List<String> getWeekdaysOff() {
        return calendar.weekdaysOff().stream().map(CalendarPage::shown).toList();
    }

    public Map<String, String> getKinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        for (CalendarEntry.Kind k : CalendarEntry.Kind.values()) {
            kinds.put(k.name(), KINDS.get(k));
        }
        return kinds;
    }

    private static String shown(LocalDate date) {
        return DAY.format(date) + " (" + WEEKDAYS.get(date.getDayOfWeek().getValue() - 1) + ")";
    }

    public String value(String field) {
        return sent.getOrDefault(field, "");
    }

    public List<String> errors(String field) {
        return errors.getOrDefault(field, List.of());
    }

    public Map<String, List<String>> getProblems() {
        return errors;
    }
}
