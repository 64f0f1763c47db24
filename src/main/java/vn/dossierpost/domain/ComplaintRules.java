package vn.dossierpost.domain;

import java.time.LocalDate;
import java.time.Period;

/**
 * The clocks of a complaint about the service (TT 17/2017 Art. 8): it is filed no later than six
 * months after the service complained of, and answered within 5 working days when the dossier moved
 * within one province, 7 when it crossed provinces, counted from the day after it was received on the
 * working calendar.
 */
public final class ComplaintRules {
    public static final Period FILING_LIMIT = Period.ofMonths(6);
    static final int DAYS_WITHIN_PROVINCE = 5;
    static final int DAYS_BETWEEN_PROVINCES = 7;

    private ComplaintRules() {}

    /** The last day to answer a complaint received on {@code receivedOn}. */
    public static LocalDate answerDue(LocalDate receivedOn, boolean interProvince, WorkingCalendar calendar) {
        return calendar.addWorkingDays(receivedOn, interProvince ? DAYS_BETWEEN_PROVINCES : DAYS_WITHIN_PROVINCE);
    }

    /** Whether a complaint received on {@code receivedOn} is in time for a service last given on {@code serviceDay}. */
    public static boolean filedInTime(LocalDate serviceDay, LocalDate receivedOn) {
        return !receivedOn.isAfter(serviceDay.plus(FILING_LIMIT));
    }

    /** A dossier crossed provinces when its route class is one of those between provinces. */
    public static boolean interProvince(RouteClass routeClass) {
        return routeClass == RouteClass.INTER_PROVINCE || routeClass == RouteClass.INTER_PROVINCE_MAJOR_CITY;
    }
}
