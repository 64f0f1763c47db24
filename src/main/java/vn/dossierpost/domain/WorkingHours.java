package vn.dossierpost.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The hours an office works: its sessions of the day (say 07:30–11:30 and 13:00–17:00) on the working
 * days of the calendar (Saturdays worked in exchange included, Tết and the days off in lieu not).
 * Time given to an agency in working hours runs only then: four working hours from Friday 16:00 end
 * on Monday at 10:30.
 */
public final class WorkingHours {

    /** One stretch of work in a day, start before end. */
    public record Session(LocalTime start, LocalTime end) {
        public Session {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!start.isBefore(end)) {
                throw new InvalidValueException("a working session must start before it ends: " + start + "-" + end);
            }
        }

        /** "07:30-11:30" */
        public static Session parse(String text) {
            String[] ends = text.strip().split("\\s*-\\s*");
            if (ends.length != 2) {
                throw new InvalidValueException("a working session is written HH:MM-HH:MM, was '" + text + "'");
            }
            try {
                return new Session(LocalTime.parse(ends[0]), LocalTime.parse(ends[1]));
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidValueException("a working session is written HH:MM-HH:MM, was '" + text + "'");
            }
        }

        private Duration length() {
            return Duration.between(start, end);
        }
    }

    /** How far back {@link #minus} looks for working time: past ten years the calendar says nothing useful. */
    private static final int MAX_DAYS = 3660;

    private final WorkingCalendar calendar;
    private final List<Session> sessions;

    /** @param sessions in the order of the day, not overlapping */
    public WorkingHours(WorkingCalendar calendar, List<Session> sessions) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.sessions = check(sessions);
    }

    /** The sessions of a day as given, refused unless they come in the order of the day without overlapping. */
    public static List<Session> check(List<Session> sessions) {
        if (sessions.isEmpty()) {
            throw new InvalidValueException("working hours need at least one session");
        }
        for (int i = 1; i < sessions.size(); i++) {
            if (sessions.get(i).start().isBefore(sessions.get(i - 1).end())) {
                throw new InvalidValueException("working sessions must come in the order of the day without "
                        + "overlapping: " + sessions.get(i - 1) + " then " + sessions.get(i));
            }
        }
        return List.copyOf(sessions);
    }

    /** The working time from {@code from} to {@code to} (zero when {@code to} is not after {@code from}). */
    public Duration between(LocalDateTime from, LocalDateTime to) {
        Duration total = Duration.ZERO;
        for (LocalDate day = from.toLocalDate(); !day.isAfter(to.toLocalDate()); day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            for (Session s : sessions) {
                LocalDateTime start = max(day.atTime(s.start()), from);
                LocalDateTime end = min(day.atTime(s.end()), to);
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /**
     * The moment {@code amount} of working time before {@code end}, taken as early as it can be (the
     * end of the session before, rather than the start of the next): what started before it has had
     * more than {@code amount} of working time by {@code end}, what started at or after it not.
     */
    public LocalDateTime minus(LocalDateTime end, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative, was " + amount);
        }
        Duration left = amount;
        LocalDate day = end.toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.minusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            for (Session s : reversed(sessions)) {
                LocalDateTime start = day.atTime(s.start());
                LocalDateTime stop = min(day.atTime(s.end()), end);
                if (!start.isBefore(stop)) {
                    continue;
                }
                Duration here = Duration.between(start, stop);
                if (left.compareTo(here) < 0) {
                    return stop.minus(left);
                }
                left = left.minus(here);
            }
        }
        throw new IllegalArgumentException("no " + amount + " of working time in the ten years before " + end);
    }

    public List<Session> sessions() {
        return sessions;
    }

    /** A working day's length, e.g. 8 h for 07:30–11:30 and 13:00–17:00. */
    public Duration day() {
        return sessions.stream().map(Session::length).reduce(Duration.ZERO, Duration::plus);
    }

    private static List<Session> reversed(List<Session> list) {
        List<Session> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
