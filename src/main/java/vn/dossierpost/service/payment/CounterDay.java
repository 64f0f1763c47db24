package vn.dossierpost.service.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.CounterDayView;
import vn.dossierpost.db.PaymentDAO;
import vn.dossierpost.domain.PaymentMethod;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;

/** The counter's end of day: the money per clerk and method, and a supervisor closing the day. */
public final class CounterDay {
    private final Jdbi jdbi;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;

    public CounterDay(Jdbi jdbi, ObjectMapper json, Clock clock, ZoneId zone) {
        this.jdbi = jdbi;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
    }

    public CounterDayView report(User user, String office, String date) {
        String o = office(user, office);
        LocalDate day = day(date);
        return jdbi.withHandle(h -> view(h, o, day));
    }

    /** A supervisor closes the office's day once; 409 when it is closed already or not over yet. */
    public CounterDayView close(User user, String office, String date) {
        if (user.role() != Role.SUPERVISOR) {
            throw Problem.forbidden("a supervisor closes the counter's day");
        }
        String o = office(user, office);
        LocalDate day = day(date);
        if (day.isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw Problem.invalid("date", "is in the future: a day is closed when it is over or at its end");
        }
        return jdbi.inTransaction(h -> {
            CounterDayView open = view(h, o, day);
            int stored =
                    h.attach(PaymentDAO.class).close(o, day, user.username(), OffsetDateTime.now(clock), totals(open));
            if (stored == 0) {
                String by = h.attach(PaymentDAO.class)
                        .closed(o, day)
                        .map(PaymentDAO.ClosedDay::closedBy)
                        .orElse("?");
                throw Problem.conflict(
                        "the day " + day + " of office " + o + " is closed already", Map.of("closedBy", by));
            }
            return view(h, o, day);
        });
    }

    private CounterDayView view(Handle h, String office, LocalDate day) {
        PaymentDAO dao = h.attach(PaymentDAO.class);
        OffsetDateTime from = day.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        List<CounterDayView.Line> lines = dao.day(office, from, to).stream()
                .map(l -> new CounterDayView.Line(
                        l.takenBy(), l.method().name(), l.state().name(), l.dossiers(), l.amount()))
                .toList();
        var closed = dao.closed(office, day);
        return new CounterDayView(
                office,
                day,
                lines,
                sum(lines, PaymentMethod.CASH, "PAID") - sum(lines, PaymentMethod.CASH, "REFUNDED"),
                sum(lines, PaymentMethod.VIETQR, "PAID"),
                sum(lines, PaymentMethod.VIETQR, "PENDING") + sum(lines, PaymentMethod.VIETQR, "HELD"),
                closed.map(PaymentDAO.ClosedDay::closedBy).orElse(null),
                closed.map(PaymentDAO.ClosedDay::closedAt).orElse(null));
    }

    private static long sum(List<CounterDayView.Line> lines, PaymentMethod method, String state) {
        return lines.stream()
                .filter(l -> l.method().equals(method.name()) && l.state().equals(state))
                .mapToLong(CounterDayView.Line::amount)
                .sum();
    }

    /** A clerk's (or office supervisor's) own office whatever they ask; national staff name one. */
    private static String office(User user, String office) {
        if (user.officeScope() != null) {
            return user.officeScope();
        }
        if (office == null || office.isBlank()) {
            throw Problem.invalid("office", "is required: the post office code of the counter");
        }
        return office.trim();
    }

    private static LocalDate day(String date) {
        try {
            return LocalDate.parse(date == null ? "" : date.trim());
        } catch (DateTimeParseException e) {
            throw Problem.invalid("date", "must be a day as YYYY-MM-DD");
        }
    }

    private String totals(CounterDayView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the day's totals cannot be written as JSON", e);
        }
    }
}
