package vn.dossierpost.service.homepickup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.DossierView;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.api.HomePickupFailure;
import vn.dossierpost.api.HomePickupView;
import vn.dossierpost.api.IntakeRequest;
import vn.dossierpost.db.HomePickupDAO;
import vn.dossierpost.db.IntakeWriter;
import vn.dossierpost.domain.HomePickupState;
import vn.dossierpost.domain.PaymentMethod;
import vn.dossierpost.domain.PickupWindow;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Shapes;
import vn.dossierpost.service.Text;
import vn.dossierpost.service.counter.IntakeService;
import vn.dossierpost.service.dossier.DossierService;
import vn.dossierpost.service.notify.NotificationKind;

/**
 * The courier at the door of a home pickup booking. Either the dossier is received there — through
 * the counter's {@link IntakeService}, so the same checklist, fees, code and S10 number, with the
 * courier as the one who received it and their office as the dossier's —, or nobody could hand it
 * over: the first time the booking moves to a new window, the second time it is cancelled; the
 * applicant is told either way.
 */
public final class HomePickupVisits {
    /** Taken at the door: cash, or a VietQR transfer confirmed later by the bank. */
    private static final List<PaymentMethod> AT_HOME = List.of(PaymentMethod.CASH, PaymentMethod.VIETQR);

    private final Jdbi jdbi;
    private final HomePickups pickups;
    private final IntakeService intake;
    private final DossierService dossiers;
    private final Clock clock;

    public HomePickupVisits(
            Jdbi jdbi, HomePickups pickups, IntakeService intake, DossierService dossiers, Clock clock) {
        this.jdbi = jdbi;
        this.pickups = pickups;
        this.intake = intake;
        this.dossiers = dossiers;
        this.clock = clock;
    }

    /**
     * Receives the dossier of booking {@code code}. The body is an intake request (POST
     * /api/dossiers) whose applicant name, phone, e-mail and address, and procedure, default to the
     * booking's; 422 as at the counter (a missing document by name), 409 once the booking is closed.
     */
    public DossierView receive(User courier, String code, IntakeRequest request) {
        HomePickupDAO.Row booking = openBookingOf(courier, code);
        if (request == null) {
            throw Problem.invalid("body", "a JSON dossier is required (as POST /api/dossiers)");
        }
        IntakeRequest merged = withBooking(request, booking);
        DossierService.Loaded received;
        try {
            received = intake.intakeAtHome(
                    courier,
                    merged,
                    booking.id(),
                    "Thu gom tại nhà theo lịch hẹn " + booking.code() + ", " + booking.street());
        } catch (IntakeWriter.AlreadyReceived e) {
            throw closed(booking.code(), "already received");
        }
        jdbi.useExtension(HomePickupDAO.class, dao -> dao.pickedUp(booking.id(), OffsetDateTime.now(clock)));
        return dossiers.toView(received);
    }

    /** Nobody could hand the dossier over: moved to a new window the first time, cancelled the second. */
    public HomePickupView failed(User courier, String code, HomePickupFailure failure) {
        return jdbi.inTransaction(h -> {
            HomePickupDAO dao = h.attach(HomePickupDAO.class);
            HomePickupDAO.Row booking = dao.lock(code).orElseThrow(() -> Problem.notFound("no home pickup " + code));
            checkOpenAndTheirs(courier, booking);
            Shapes.check(failure, "a JSON object with the reason is required");
            String reason = failure.reason().trim();
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (booking.failedVisits() == 0) {
                List<FieldProblem> problems = new ArrayList<>();
                PickupWindow window = Text.blank(failure.window())
                        ? booking.windowPart()
                        : HomePickups.window(failure.window(), "window", problems);
                LocalDate day = Text.blank(failure.date())
                        ? nextWorkingDay(booking.windowDate())
                        : pickups.day(failure.date(), "date", window, problems);
                if (!problems.isEmpty()) {
                    throw Problem.invalid(problems);
                }
                dao.visitFailed(booking.id(), HomePickupState.RESCHEDULED, reason, day, window, now);
            } else {
                dao.visitFailed(
                        booking.id(),
                        HomePickupState.CANCELLED,
                        reason,
                        booking.windowDate(),
                        booking.windowPart(),
                        now);
            }
            HomePickupDAO.Row after = dao.find(code).orElseThrow();
            pickups.tell(
                    h,
                    after,
                    after.state() == HomePickupState.CANCELLED
                            ? NotificationKind.HOME_PICKUP_CANCELLED
                            : NotificationKind.HOME_PICKUP_RESCHEDULED,
                    reason);
            return pickups.view(after);
        });
    }

    /** The next working day after the failed visit's, and not before tomorrow. */
    private LocalDate nextWorkingDay(LocalDate visit) {
        LocalDate today = LocalDate.now(clock);
        return pickups.calendar().nextWorkingDay(visit.isBefore(today) ? today : visit);
    }

    private HomePickupDAO.Row openBookingOf(User courier, String code) {
        HomePickupDAO.Row booking = jdbi.withExtension(HomePickupDAO.class, dao -> dao.find(code))
                .orElseThrow(() -> Problem.notFound("no home pickup " + code));
        checkOpenAndTheirs(courier, booking);
        return booking;
    }

    private static void checkOpenAndTheirs(User courier, HomePickupDAO.Row booking) {
        if (courier.role() != Role.COURIER || !courier.username().equals(booking.courier())) {
            throw Problem.forbidden("home pickup " + booking.code() + " is courier " + booking.courier() + "'s");
        }
        if (!booking.state().open()) {
            throw closed(booking.code(), booking.state().name());
        }
    }

    private static Problem closed(String code, String state) {
        return Problem.conflict("home pickup " + code + " is closed: " + state, Map.of("state", state));
    }

    /** The request with what the booking already says filled in; a different procedure is refused. */
    private static IntakeRequest withBooking(IntakeRequest r, HomePickupDAO.Row b) {
        if (!Text.blank(r.procedureCode()) && !r.procedureCode().trim().equals(b.procedureCode())) {
            throw Problem.invalid(
                    "procedureCode",
                    "the booking is for procedure " + b.procedureCode() + ": book again for another procedure");
        }
        if (Text.blank(r.paymentMethod())
                || AT_HOME.stream()
                        .noneMatch(m -> m.name().equals(r.paymentMethod().trim()))) {
            throw Problem.invalid("paymentMethod", "is required at home: CASH or VIETQR");
        }
        IntakeRequest.Applicant a = r.applicant();
        IntakeRequest.Applicant applicant = new IntakeRequest.Applicant(
                a == null || Text.blank(a.fullName()) ? b.applicantName() : a.fullName(),
                a == null ? null : a.citizenId(),
                a == null ? null : a.idType(),
                a == null ? null : a.idNumber(),
                a == null || Text.blank(a.phone()) ? b.applicantPhone() : a.phone(),
                a == null || Text.blank(a.email()) ? b.applicantEmail() : a.email(),
                a == null || a.address() == null
                        ? new IntakeRequest.Address(b.street(), b.communeCode())
                        : a.address());
        return new IntakeRequest(
                b.procedureCode(),
                r.serviceForm(),
                applicant,
                r.filer(),
                r.delivery(),
                r.components(),
                r.appointmentSlipByPost(),
                r.agencyReference(),
                r.paymentMethod());
    }
}
