package vn.dossierpost.service.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.ComplaintRequest;
import vn.dossierpost.api.ComplaintView;
import vn.dossierpost.db.ComplaintDAO;
import vn.dossierpost.db.ComplaintDAO.ComplaintRow;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.DossierRow;
import vn.dossierpost.domain.ComplaintRules;
import vn.dossierpost.domain.ComplaintState;
import vn.dossierpost.domain.PhoneNumber;
import vn.dossierpost.domain.TimelineEvent;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Text;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.dossier.StatusChanges;
import vn.dossierpost.service.notify.NotificationKind;
import vn.dossierpost.service.notify.Notifications;

/**
 * The complaints register (TT 17/2017 Art. 8): a clerk or supervisor records a complaint about a
 * dossier, with the day it must be answered by; a supervisor investigates and answers it, or it is
 * withdrawn. The applicant is told on receipt and on the answer, in the transaction that records
 * it, and the dossier's timeline (staff only) says so. A complaint about a service more than six
 * months old is refused, with the day of the service.
 */
public final class Complaints {
    private static final List<String> COMPLAINANTS = List.of("APPLICANT", "FILER");
    private static final List<String> CHANNELS = List.of("COUNTER", "PHONE", "EMAIL", "LETTER", "WEB");

    private final Jdbi jdbi;
    private final ReferenceDataCache referenceData;
    private final StatusChanges changes;
    private final Notifications notifications;
    private final Clock clock;

    public Complaints(
            Jdbi jdbi,
            ReferenceDataCache referenceData,
            StatusChanges changes,
            Notifications notifications,
            Clock clock) {
        this.jdbi = jdbi;
        this.referenceData = referenceData;
        this.changes = changes;
        this.notifications = notifications;
        this.clock = clock;
    }

    public ComplaintView record(User user, ComplaintRequest request) {
        if (request == null) {
            throw Problem.invalid("dossier", "is required, with complainant, name, channel and content");
        }
        String complainant = RegisterInput.oneOf("complainant", request.complainant(), COMPLAINANTS);
        String name = RegisterInput.text("name", request.name(), 200);
        String channel = RegisterInput.oneOf("channel", request.channel(), CHANNELS);
        String content = RegisterInput.text("content", request.content(), RegisterInput.MAX_TEXT);
        String phone = phone(request.phone());
        LocalDate today = today();
        LocalDate receivedOn = RegisterInput.dayUpToToday("receivedOn", request.receivedOn(), today);
        long id = jdbi.inTransaction(h -> {
            DossierRow dossier = DossierReference.find(h, user, "dossier", request.dossier());
            RegisterInput.notBeforeReceipt("receivedOn", receivedOn, dossier, clock.getZone());
            if (complainant.equals("FILER") && dossier.filer() == null) {
                throw Problem.invalid("complainant", "is FILER but dossier " + dossier.code() + " has no filer");
            }
            ComplaintDAO dao = h.attach(ComplaintDAO.class);
            LocalDate served = dao.lastService(dossier.id())
                    .map(at -> at.atZoneSameInstant(clock.getZone()).toLocalDate())
                    .orElse(receivedOn);
            if (!ComplaintRules.filedInTime(served, receivedOn)) {
                throw Problem.invalid(
                        "receivedOn",
                        "is more than " + ComplaintRules.FILING_LIMIT.getMonths() + " months after the service of "
                                + "dossier " + dossier.code() + " (last on " + served + "): too late to complain");
            }
            boolean interProvince = ComplaintRules.interProvince(dossier.routeClass());
            LocalDate due = ComplaintRules.answerDue(
                    receivedOn, interProvince, referenceData.get().calendar());
            long created = dao.insert(new ComplaintDAO.NewComplaint(
                    dossier.id(),
                    complainant,
                    name,
                    phone,
                    dossier.officeCode(),
                    channel,
                    content,
                    receivedOn,
                    interProvince,
                    due,
                    user.username(),
                    OffsetDateTime.now(clock)));
            changes.record(h, user.actor(), dossier.id(), TimelineEvent.COMPLAINT_RECEIVED, number(created), null);
            notifications.enqueue(
                    h,
                    dossier,
                    NotificationKind.COMPLAINT_RECEIVED,
                    Map.of("complaintNumber", number(created), "answerDue", due));
            return created;
        });
        return view(user, number(id));
    }

    public ComplaintView view(User user, String number) {
        return jdbi.withHandle(h -> toView(readable(h, user, number, false)));
    }

    /** The register for the user's office (the network for national staff), newest first. */
    public List<ComplaintView> list(User user, String state, boolean overdue) {
        String s = state == null || state.isBlank()
                ? null
                : RegisterInput.oneOf(
                        "state",
                        state,
                        Arrays.stream(ComplaintState.values()).map(Enum::name).toList());
        return jdbi.withHandle(h -> h.attach(ComplaintDAO.class).list(user.officeScope(), s, overdue, today()).stream()
                .map(this::toView)
                .toList());
    }

    public ComplaintView investigate(User user, String number) {
        RegisterInput.requireSupervisor(user, "investigates and answers complaints");
        return move(
                user,
                number,
                ComplaintState.INVESTIGATING,
                (h, c) -> h.attach(ComplaintDAO.class).investigating(c.id()));
    }

    /** The answer, sent to the applicant and kept with the complaint; closes it. */
    public ComplaintView answer(User user, String number, String answer) {
        RegisterInput.requireSupervisor(user, "investigates and answers complaints");
        return move(user, number, ComplaintState.ANSWERED, (h, c) -> {
            // checked once the complaint is known to be the caller's: another office's gets 403, not 422
            String text = RegisterInput.text("answer", answer, RegisterInput.MAX_TEXT);
            h.attach(ComplaintDAO.class).answered(c.id(), text, today(), user.username());
            changes.record(h, user.actor(), c.dossierId(), TimelineEvent.COMPLAINT_ANSWERED, number, null);
            DossierRow dossier =
                    h.attach(DossierDAO.class).findById(c.dossierId()).orElseThrow();
            notifications.enqueue(
                    h, dossier, NotificationKind.COMPLAINT_ANSWERED, Map.of("complaintNumber", number, "answer", text));
        });
    }

    /** The complainant takes it back (a clerk may record that too); closes it. */
    public ComplaintView withdraw(User user, String number, String reason) {
        return move(
                user,
                number,
                ComplaintState.WITHDRAWN,
                (h, c) -> h.attach(ComplaintDAO.class)
                        .withdrawn(c.id(), RegisterInput.text("reason", reason, 1000), today(), user.username()));
    }

    private interface Step {
        void apply(Handle h, ComplaintRow complaint);
    }

    private ComplaintView move(User user, String number, ComplaintState to, Step step) {
        jdbi.useTransaction(h -> {
            ComplaintRow c = readable(h, user, number, true);
            if (!c.state().allowedNext().contains(to)) {
                throw Problem.conflict(
                        "complaint " + number + " is " + c.state() + ": it cannot become " + to,
                        Map.of("state", c.state().name()));
            }
            step.apply(h, c);
        });
        return view(user, number);
    }

    private ComplaintRow readable(Handle h, User user, String number, boolean lock) {
        long id = id(number);
        ComplaintDAO dao = h.attach(ComplaintDAO.class);
        ComplaintRow row =
                (lock ? dao.lock(id) : dao.find(id)).orElseThrow(() -> Problem.notFound("no complaint " + number));
        String scope = user.officeScope();
        if (scope != null && !scope.equals(row.officeCode())) {
            throw Problem.forbidden("complaint " + number + " was received at office " + row.officeCode());
        }
        return row;
    }

    private ComplaintView toView(ComplaintRow c) {
        return new ComplaintView(
                number(c.id()),
                c.dossierCode(),
                c.complainant(),
                c.complainantName(),
                c.complainantPhone(),
                c.officeCode(),
                c.channel(),
                c.content(),
                c.receivedOn(),
                c.interProvince(),
                c.answerDue(),
                c.state().isOpen() && c.answerDue().isBefore(today()),
                c.state(),
                c.state().labelVi(),
                c.answer(),
                c.withdrawalReason(),
                c.closedOn(),
                c.closedBy(),
                c.receivedBy());
    }

    static String number(long id) {
        return String.format("KN-%06d", id);
    }

    private static long id(String number) {
        return RegisterInput.id("KN", number)
                .orElseThrow(() -> Problem.notFound("no complaint " + number + " (numbers look like KN-000001)"));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String phone(String given) {
        String p = Text.blankToNull(given);
        if (p == null) {
            return null;
        }
        try {
            return PhoneNumber.parse(p).value();
        } catch (RuntimeException e) {
            throw Problem.invalid("phone", "must be a Vietnamese phone number, e.g. 0912345678");
        }
    }
}
