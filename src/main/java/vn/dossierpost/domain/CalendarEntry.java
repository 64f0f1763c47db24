package vn.dossierpost.domain;

import java.time.LocalDate;

/** One dated line of the working calendar, as an administrator enters it for a year. */
public record CalendarEntry(LocalDate date, CalendarEntry.Kind kind, String name) {

    public enum Kind {
        /**
         * A legal public holiday on its own date (Labour Code 2019 Art. 112). On a Saturday or
         * Sunday the calendar itself gives the compensating weekday off.
         */
        HOLIDAY,
        /** An extra weekday off decided by the government: a swap, a bridge day, a recorded compensation. */
        DAY_OFF,
        /** A Saturday or Sunday worked in exchange for a day off ("ngày làm bù"). */
        WORKING_DAY
    }

    public CalendarEntry {
        if (date == null) {
            throw new InvalidValueException("date is required");
        }
        if (kind == null) {
            throw new InvalidValueException("kind is required: HOLIDAY, DAY_OFF or WORKING_DAY");
        }
        name = name == null ? "" : name;
    }
}
