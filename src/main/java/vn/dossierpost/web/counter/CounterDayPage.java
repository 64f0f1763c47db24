package vn.dossierpost.web.counter;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.dossierpost.api.CounterDayView;
import vn.dossierpost.api.OfficeView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.PaymentMethod;
import vn.dossierpost.domain.Role;
import vn.dossierpost.web.Page;

/** "Cuối ngày": the counter's money of a day per clerk and method, and the supervisor's "Chốt ngày". */
public final class CounterDayPage extends Page {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final List<OfficeView> offices;
    private final String office;
    private final String date;
    private final CounterDayView day;
    private final ZoneId zone;
    private String refusal;

    CounterDayPage(
            WebSession session, List<OfficeView> offices, String office, String date, CounterDayView day, ZoneId zone) {
        super("counter/counter-day.ftlh", "Cuối ngày");
        signedIn(session);
        this.offices = offices;
        this.office = office;
        this.date = date;
        this.day = day;
        this.zone = zone;
    }

    CounterDayPage refused(String why) {
        this.refusal = why;
        return this;
    }

    /** Offices to choose from, for a user bound to none (empty otherwise). */
    public List<OfficeView> getOffices() {
        return offices;
    }

    /** The office chosen ("" when the user's own). */
    public String getOffice() {
        return office;
    }

    /** The day as asked (back in the field even when it could not be read). */
    public String getDate() {
        return date;
    }

    /** The day's numbers; null when no office is chosen yet or the day could not be read. */
    public CounterDayView getDay() {
        return day;
    }

    public String getRefusal() {
        return refusal;
    }

    /** "Tiền mặt" for CASH: the method as the receipt names it. */
    public String methodLabel(String method) {
        return PaymentMethod.valueOf(method).label();
    }

    /** When the day was closed, in the office's time ("17:45 ngày 02/12/2026"); null while open. */
    public String getClosedAt() {
        return day == null || day.closedAt() == null
                ? null
                : WHEN.format(day.closedAt().atZoneSameInstant(zone));
    }

    /** A supervisor closes a day that is not closed yet. */
    public boolean isClosable() {
        return day != null && day.closedBy() == null && getStaff().user().role() == Role.SUPERVISOR;
    }
}
