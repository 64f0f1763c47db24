package vn.dossierpost.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Working days, built from the calendar data an administrator keeps per year (holidays, extra
 * days off, make-up working days), because the days off change every year by decision.
 *
 * <p>A day is a working day when it is Monday to Friday and not off, or when it is a make-up
 * {@code WORKING_DAY}. Days off on weekdays are: {@code HOLIDAY} entries, {@code DAY_OFF} entries,
 * and the compensating day the law gives for a holiday on a Saturday or Sunday. That compensation
 * is computed here rather than entered: it is the next weekday that is neither a holiday nor
 * already compensating an earlier holiday. If the government also records that day as a
 * {@code DAY_OFF} the two coincide; it is one day off, not two.
 */
public final class WorkingCalendar {

    private final List<CalendarEntry> entries;
    private final Set<LocalDate> workingWeekendDays = new HashSet<>();
    /** Weekdays off, each with the entry that makes it off (for a compensation: its holiday). */
    private final Map<LocalDate, CalendarEntry> weekdaysOff = new HashMap<>();

    private final Map<LocalDate, CalendarEntry> compensations = new TreeMap<>();

    /**
     * @throws InvalidValueException when a date is listed twice, a WORKING_DAY is on a weekday or a
     *     DAY_OFF on a weekend
     */
    public WorkingCalendar(Collection<CalendarEntry> entries) {
        List<CalendarEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(CalendarEntry::date));
        Set<LocalDate> seen = new HashSet<>();
        for (CalendarEntry e : sorted) {
            checkEntry(e, seen);
        }
        this.entries = Collections.unmodifiableList(sorted);

        Set<LocalDate> holidays = new HashSet<>();
        for (CalendarEntry e : sorted) {
            if (e.kind() == CalendarEntry.Kind.HOLIDAY) {
                holidays.add(e.date());
            }
        }
        for (CalendarEntry e : sorted) {
            switch (e.kind()) {
                case WORKING_DAY -> workingWeekendDays.add(e.date());
                case DAY_OFF -> weekdaysOff.putIfAbsent(e.date(), e);
                case HOLIDAY -> {
                    if (isWeekend(e.date())) {
                        LocalDate day = e.date().plusDays(1);
                        while (isWeekend(day) || holidays.contains(day) || compensations.containsKey(day)) {
                            day = day.plusDays(1);
                        }
                        compensations.put(day, e);
                        weekdaysOff.putIfAbsent(day, e);
                    } else {
                        weekdaysOff.put(e.date(), e);
                    }
                }
                default -> throw new IllegalStateException("unknown kind " + e.kind());
            }
        }
    }

    /**
     * Checks one year's entries before they are saved.
     *
     * @throws InvalidValueException naming the first offending date and the rule it breaks
     */
    public static void validate(int year, Collection<CalendarEntry> entries) {
        Set<LocalDate> seen = new HashSet<>();
        for (CalendarEntry e : entries) {
            if (e.date().getYear() != year) {
                throw new InvalidValueException(
                        e.date() + " is not in " + year + ": the calendar of a year lists only that year's dates");
            }
            checkEntry(e, seen);
        }
    }

    private static void checkEntry(CalendarEntry e, Set<LocalDate> seen) {
        if (!seen.add(e.date())) {
            throw new InvalidValueException(e.date() + " is listed twice: a date may have one entry only");
        }
        if (e.kind() == CalendarEntry.Kind.WORKING_DAY && !isWeekend(e.date())) {
            throw new InvalidValueException(e.date() + " is a " + dayName(e.date())
                    + ": a WORKING_DAY (make-up day) must be a Saturday or Sunday");
        }
        if (e.kind() == CalendarEntry.Kind.DAY_OFF && isWeekend(e.date())) {
            throw new InvalidValueException(e.date() + " is a " + dayName(e.date())
                    + ": a DAY_OFF must be a weekday (a holiday on a weekend is entered as HOLIDAY"
                    + " and its compensating day off follows by itself)");
        }
    }

    public boolean isWorkingDay(LocalDate date) {
        if (isWeekend(date)) {
            return workingWeekendDays.contains(date);
        }
        return !weekdaysOff.containsKey(date);
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate day = date.plusDays(1);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The n-th working day after {@code start} ({@code start} itself when n = 0). */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be 0 or more, was " + n);
        }
        LocalDate day = start;
        for (int i = 0; i < n; i++) {
            day = nextWorkingDay(day);
        }
        return day;
    }

    /**
     * The number of working days in (fromExclusive, toInclusive]; negative, counting
     * (toInclusive, fromExclusive], when the dates are the other way round (e.g. days overdue).
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        if (toInclusive.isBefore(fromExclusive)) {
            return -workingDaysBetween(toInclusive, fromExclusive);
        }
        int count = 0;
        for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** The weekdays off in {@code year}: holidays, extra days off and computed compensations. */
    public SortedSet<LocalDate> daysOff(int year) {
        SortedSet<LocalDate> days = new TreeSet<>();
        for (LocalDate d : weekdaysOff.keySet()) {
            if (d.getYear() == year) {
                days.add(d);
            }
        }
        return Collections.unmodifiableSortedSet(days);
    }

    /** The computed compensating days off in {@code year}, each with the weekend holiday it makes up for. */
    public Map<LocalDate, CalendarEntry> compensatingDaysOff(int year) {
        Map<LocalDate, CalendarEntry> result = new LinkedHashMap<>();
        compensations.forEach((day, holiday) -> {
            if (day.getYear() == year) {
                result.put(day, holiday);
            }
        });
        return Collections.unmodifiableMap(result);
    }

    /** The entries as given, in date order. */
    public List<CalendarEntry> entries() {
        return entries;
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    private static String dayName(LocalDate date) {
        String n = date.getDayOfWeek().name();
        return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
    }
}
