package vn.dossierpost.domain;

import static vn.dossierpost.domain.CalendarEntry.Kind.DAY_OFF;
import static vn.dossierpost.domain.CalendarEntry.Kind.HOLIDAY;
import static vn.dossierpost.domain.CalendarEntry.Kind.WORKING_DAY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Real calendar data for tests. */
final class Calendars {

    private Calendars() {}

    static CalendarEntry holiday(int y, int m, int d, String name) {
        return new CalendarEntry(LocalDate.of(y, m, d), HOLIDAY, name);
    }

    static CalendarEntry dayOff(int y, int m, int d, String name) {
        return new CalendarEntry(LocalDate.of(y, m, d), DAY_OFF, name);
    }

    static CalendarEntry workingDay(int y, int m, int d, String name) {
        return new CalendarEntry(LocalDate.of(y, m, d), WORKING_DAY, name);
    }

    /**
     * 2025: Hùng Kings' Day Mon 7 Apr; 30 Apr (Wed) and 1 May (Thu); Fri 2 May off in exchange for
     * Sat 26 Apr worked.
     */
    static List<CalendarEntry> year2025() {
        return List.of(
                holiday(2025, 1, 1, "Tết Dương lịch"),
                holiday(2025, 4, 7, "Giỗ Tổ Hùng Vương"),
                workingDay(2025, 4, 26, "Làm bù cho ngày 2/5"),
                holiday(2025, 4, 30, "Ngày Chiến thắng"),
                holiday(2025, 5, 1, "Quốc tế Lao động"),
                dayOff(2025, 5, 2, "Nghỉ hoán đổi, làm bù thứ Bảy 26/4"));
    }

    /**
     * 2026: Tết Bính Ngọ Mon 16 – Fri 20 Feb; Hùng Kings' Day on Sunday 26 Apr; 30 Apr (Thu) and
     * 1 May (Fri).
     */
    static List<CalendarEntry> year2026() {
        List<CalendarEntry> list = new ArrayList<>();
        list.add(holiday(2026, 1, 1, "Tết Dương lịch"));
        for (int d = 16; d <= 20; d++) {
            list.add(holiday(2026, 2, d, "Tết Nguyên đán Bính Ngọ"));
        }
        list.add(holiday(2026, 4, 26, "Giỗ Tổ Hùng Vương"));
        list.add(holiday(2026, 4, 30, "Ngày Chiến thắng"));
        list.add(holiday(2026, 5, 1, "Quốc tế Lao động"));
        return list;
    }

    static WorkingCalendar of2025And2026() {
        List<CalendarEntry> all = new ArrayList<>(year2025());
        all.addAll(year2026());
        return new WorkingCalendar(all);
    }
}
