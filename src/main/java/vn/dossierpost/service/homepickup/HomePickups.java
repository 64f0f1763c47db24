package vn.dossierpost.service.homepickup;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.api.HomePickupRequest;
import vn.dossierpost.api.HomePickupView;
import vn.dossierpost.api.ProcedureView;
import vn.dossierpost.db.CatalogueDAO.ProcedureRow;
import vn.dossierpost.db.HomePickupDAO;
import vn.dossierpost.domain.InvalidValueException;
import vn.dossierpost.domain.PhoneNumber;
import vn.dossierpost.domain.PickupWindow;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.User;
import vn.dossierpost.domain.WorkingCalendar;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Shapes;
import vn.dossierpost.service.Text;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.notify.NotificationKind;
import vn.dossierpost.service.notify.Notifications;

/**
 * Booking a home pickup (thu gom hồ sơ tại nhà, QĐ 45/2016 Art. 6) and reading bookings: the
 * procedure open to the post, a half-day window on a working day not over yet, and the courier who
 * covers the address's commune (courier_commune), whose office the dossier will belong to. The
 * applicant is told the booking's code and window in the booking's transaction.
 */
public final class HomePickups {
    /** How far ahead a visit may be booked. */
    static final int MAX_DAYS_AHEAD = 30;
    /** Open bookings one phone may have from the public form. */
    static final int MAX_OPEN_PER_PHONE = 3;

    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Jdbi jdbi;
    private final ReferenceDataCache referenceData;
    private final Notifications notifications;
    private final Clock clock;
    private final ZoneId zone;
    private final SecureRandom random = new SecureRandom();

    public HomePickups(
            Jdbi jdbi, ReferenceDataCache referenceData, Notifications notifications, Clock clock, ZoneId zone) {
        this.jdbi = jdbi;
        this.referenceData = referenceData;
        this.notifications = notifications;
        this.clock = clock;
        this.zone = zone;
    }

    /** Books a visit; {@code user} is the clerk, or null for a citizen on the public form. 422 naming every wrong field. */
    public HomePickupView book(User user, HomePickupRequest request) {
        if (user != null && user.role() != Role.COUNTER) {
            throw Problem.forbidden("a counter clerk books home pickups for applicants");
        }
        Shapes.check(request, "a JSON booking is required: procedureCode, applicant, date, window");
        ReferenceData ref = referenceData.get();
        List<FieldProblem> problems = new ArrayList<>();
        ProcedureRow procedure = ref.procedure(request.procedureCode().trim())
                .filter(ProcedureRow::postalAllowed)
                .orElse(null);
        if (procedure == null) {
            problems.add(new FieldProblem(
                    "procedureCode",
                    "unknown procedure '" + request.procedureCode()
                            + "', or not open to the post (see GET /api/procedures)"));
        }
        HomePickupRequest.Applicant a = request.applicant();
        String phone = null;
        try {
            phone = PhoneNumber.parse(a.phone()).value();
        } catch (InvalidValueException e) {
            problems.add(new FieldProblem("applicant.phone", e.getMessage()));
        }
        if (user == null && phone != null && openFor(phone) >= MAX_OPEN_PER_PHONE) {
            // each booking sends an SMS: the public form must not become a way to message a stranger's phone
            problems.add(new FieldProblem(
                    "applicant.phone",
                    "already has " + MAX_OPEN_PER_PHONE + " open bookings: call the post office to book more"));
        }
        String commune = a.address().communeCode().trim();
        HomePickupDAO.Collector collector = collector(commune, user, problems);
        PickupWindow window = window(request.window(), "window", problems);
        LocalDate day = day(request.date(), "date", window, problems);
        if (!problems.isEmpty()) {
            throw Problem.invalid(Shapes.inOrder(HomePickupRequest.class, problems));
        }
        HomePickupDAO.NewHomePickup row = new HomePickupDAO.NewHomePickup(
                newCode(),
                collector.officeCode(),
                collector.username(),
                procedure.code(),
                line(a.fullName()),
                phone,
                Text.blankToNull(a.email()) == null ? null : a.email().trim(),
                line(a.address().street()),
                commune,
                day,
                window,
                user == null ? null : user.username(),
                OffsetDateTime.now(clock));
        return jdbi.inTransaction(h -> {
            h.attach(HomePickupDAO.class).insert(row);
            HomePickupDAO.Row stored =
                    h.attach(HomePickupDAO.class).find(row.code()).orElseThrow();
            tell(h, stored, NotificationKind.HOME_PICKUP_BOOKED, null);
            return view(stored);
        });
    }

    /** The courier covering the commune (the clerk's office's first); null, with a problem, when none does. */
    private HomePickupDAO.Collector collector(String commune, User user, List<FieldProblem> problems) {
        String field = "applicant.address.communeCode";
        if (referenceData.get().commune(commune).isEmpty()) {
            problems.add(new FieldProblem(field, "unknown commune code '" + commune + "'"));
            return null;
        }
        HomePickupDAO.Collector collector = jdbi.withExtension(
                        HomePickupDAO.class, dao -> dao.collector(commune, user == null ? null : user.officeCode()))
                .orElse(null);
        if (collector == null) {
            problems.add(new FieldProblem(
                    field,
                    "no courier collects dossiers in commune " + commune + " yet: the applicant comes to the counter"));
        }
        return collector;
    }

    private int openFor(String phone) {
        return jdbi.withExtension(HomePickupDAO.class, dao -> dao.openFor(phone));
    }

    /** One booking, for the clerks and supervisors of its office, its courier and national staff. */
    public HomePickupView get(User user, String code) {
        HomePickupDAO.Row row = jdbi.withExtension(HomePickupDAO.class, dao -> dao.find(code))
                .orElseThrow(() -> Problem.notFound("no home pickup " + code));
        checkCanRead(user, row);
        return view(row);
    }

    /** The courier's bookings for a day (today by default), open ones first in each window. */
    public List<HomePickupView> ofCourier(User courier, LocalDate date) {
        if (courier.role() != Role.COURIER) {
            throw Problem.forbidden("this is a courier's list");
        }
        LocalDate day = date != null ? date : LocalDate.now(clock.withZone(zone));
        return jdbi.withExtension(HomePickupDAO.class, dao -> dao.ofCourier(courier.username(), day)).stream()
                .map(this::view)
                .toList();
    }

    static void checkCanRead(User user, HomePickupDAO.Row row) {
        boolean may = switch (user.role()) {
            case ADMIN -> true;
            case COUNTER, SUPERVISOR ->
                user.officeScope() == null || user.officeScope().equals(row.officeCode());
            case COURIER -> user.username().equals(row.courier());
            case AGENCY -> false;
        };
        if (!may) {
            throw Problem.forbidden("home pickup " + row.code() + " belongs to post office " + row.officeCode());
        }
    }

    /** Queues a message about the booking to its applicant, in the caller's transaction. */
    void tell(Handle h, HomePickupDAO.Row row, NotificationKind kind, String reason) {
        ReferenceData ref = referenceData.get();
        Map<String, Object> facts = new HashMap<>();
        facts.put("bookingCode", row.code());
        facts.put("pickupWindow", windowText(row.windowDate(), row.windowPart()));
        facts.put(
                "procedureName",
                ref.procedure(row.procedureCode()).map(ProcedureRow::name).orElse(row.procedureCode()));
        facts.put("officeName", ref.office(row.officeCode()).map(o -> o.name()).orElse(row.officeCode()));
        facts.put("reason", reason);
        notifications.enqueueAboutBooking(
                h,
                new Notifications.Booker(row.id(), row.applicantName(), row.applicantPhone(), row.applicantEmail()),
                kind,
                facts);
    }

    /** MORNING or AFTERNOON; null (with a problem) otherwise. */
    static PickupWindow window(String given, String field, List<FieldProblem> problems) {
        try {
            return PickupWindow.valueOf(given.trim());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "must be MORNING or AFTERNOON"));
            return null;
        }
    }

    /** A working day, not past (today only while the window is not over), at most {@link #MAX_DAYS_AHEAD} ahead. */
    LocalDate day(String given, String field, PickupWindow window, List<FieldProblem> problems) {
        LocalDate day;
        try {
            day = LocalDate.parse(given.trim());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date, YYYY-MM-DD"));
            return null;
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(zone));
        LocalDate today = now.toLocalDate();
        WorkingCalendar calendar = calendar();
        if (day.isBefore(today)
                || day.equals(today) && window != null && !now.toLocalTime().isBefore(window.until())) {
            problems.add(new FieldProblem(field, "is in the past: the earliest is " + earliest(now, window)));
        } else if (day.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            problems.add(new FieldProblem(field, "is too far ahead: at most " + MAX_DAYS_AHEAD + " days from today"));
        } else if (!calendar.isWorkingDay(day)) {
            problems.add(new FieldProblem(
                    field, day + " is not a working day; the next one is " + calendar.nextWorkingDay(day)));
        }
        return day;
    }

    WorkingCalendar calendar() {
        return referenceData.get().calendar();
    }

    private String earliest(LocalDateTime now, PickupWindow window) {
        WorkingCalendar calendar = calendar();
        LocalDate today = now.toLocalDate();
        boolean todayOpen = calendar.isWorkingDay(today)
                && window != null
                && now.toLocalTime().isBefore(window.until());
        return (todayOpen ? today : calendar.nextWorkingDay(today)).toString();
    }

    HomePickupView view(HomePickupDAO.Row r) {
        ReferenceData ref = referenceData.get();
        ProcedureRow procedure = ref.procedure(r.procedureCode()).orElse(null);
        List<ProcedureView.Document> documents = ref.components(r.procedureCode()).stream()
                .map(e -> new ProcedureView.Document(e.code(), e.name(), e.form(), e.required()))
                .toList();
        return new HomePickupView(
                r.code(),
                r.state().name(),
                r.officeCode(),
                r.courier(),
                r.procedureCode(),
                procedure == null ? r.procedureCode() : procedure.name(),
                r.applicantName(),
                r.applicantPhone(),
                r.applicantEmail(),
                r.street(),
                r.communeCode(),
                ref.commune(r.communeCode()).map(c -> c.name()).orElse(r.communeCode()),
                r.windowDate(),
                r.windowPart().name(),
                windowText(r.windowDate(), r.windowPart()),
                r.failedVisits(),
                r.lastFailure(),
                r.dossierCode(),
                documents);
    }

    /** "buổi sáng (7:30–11:30) ngày 03/12/2026". */
    static String windowText(LocalDate day, PickupWindow window) {
        return window.describe() + " ngày " + day.format(DAY);
    }

    /** TG-XXXX-XXXX: random, so a booking's code tells nothing of the others. */
    private String newCode() {
        StringBuilder code = new StringBuilder("TG-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
        }
        return code.toString();
    }

    private static String line(String value) {
        return Normalizer.normalize(value.trim(), Normalizer.Form.NFC);
    }
}
