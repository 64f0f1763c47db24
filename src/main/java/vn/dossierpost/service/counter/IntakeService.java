package vn.dossierpost.service.counter;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.api.IntakeRequest;
import vn.dossierpost.api.ProcedureView;
import vn.dossierpost.db.CatalogueDAO.AgencyRow;
import vn.dossierpost.db.CatalogueDAO.OfficeRow;
import vn.dossierpost.db.CatalogueDAO.ProcedureRow;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.IntakeWriter;
import vn.dossierpost.domain.DeadlineCalculator;
import vn.dossierpost.domain.DossierCode;
import vn.dossierpost.domain.DossierTransitions;
import vn.dossierpost.domain.DueDates;
import vn.dossierpost.domain.FeeCalculator;
import vn.dossierpost.domain.Fees;
import vn.dossierpost.domain.PaymentMethod;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.RouteClass;
import vn.dossierpost.domain.S10Number;
import vn.dossierpost.domain.ServiceForm;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.JsonText;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Text;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.dossier.DossierService;
import vn.dossierpost.service.notify.NotificationKind;
import vn.dossierpost.service.notify.Notifications;

/**
 * Intake at the counter (QĐ 45/2016 Art. 6; TT 17/2017 Art. 5.1): checks the dossier against the
 * procedure's document list — saying exactly what is missing, because the clerk must guide the
 * citizen —, prices it, sets the due dates and stores it with its documents, first event, payment
 * and the message telling the applicant its code and tracking link in one statement (so in one
 * transaction). A courier on a home pickup receives a dossier through the same path.
 */
public final class IntakeService {
    private final IntakeWriter writer;
    private final ReferenceDataCache referenceData;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final LocalTime cutOff;
    private final PaymentMethod defaultPaymentMethod;
    private final Notifications notifications;

    public IntakeService(
            IntakeWriter writer,
            ReferenceDataCache referenceData,
            ObjectMapper json,
            Clock clock,
            ZoneId zone,
            LocalTime cutOff,
            PaymentMethod defaultPaymentMethod,
            Notifications notifications) {
        this.writer = writer;
        this.referenceData = referenceData;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
        this.cutOff = cutOff;
        this.defaultPaymentMethod = defaultPaymentMethod;
        this.notifications = notifications;
    }

    /** Takes a dossier in; returns it as stored. Throws {@link Problem} (422) listing everything wrong. */
    public DossierService.Loaded intake(User clerk, IntakeRequest request) {
        return receive(counter(clerk, Role.COUNTER, request), clerk, request, null, null);
    }

    /**
     * Takes a dossier in at the applicant's home, on a home pickup booking: the counter's rules, the
     * courier as the one who received it and the courier's office as the office. {@code note} goes
     * on the first timeline entry. Throws {@link IntakeWriter.AlreadyReceived} when the booking
     * already brought a dossier in.
     */
    public DossierService.Loaded intakeAtHome(User courier, IntakeRequest request, long homePickupId, String note) {
        return receive(counter(courier, Role.COURIER, request), courier, request, homePickupId, note);
    }

    private DossierService.Loaded receive(
            Counter at, User clerk, IntakeRequest request, Long homePickupId, String note) {
        IntakeCheck.Checked c = IntakeCheck.check(request, at.ref(), at.now().getYear());
        Priced priced = price(at, c.procedure(), c.form(), c.appointmentSlipByPost(), c.postageOnDelivery(), request);
        AgencyRow agency = priced.agency();
        DueDates due = priced.due();
        Fees fees = priced.fees();
        String feesJson = toJson(Map.of("items", fees.items(), "dueOnDelivery", priced.dueOnDelivery()));

        LocalDate receiptDate = at.localNow().toLocalDate();
        IntakeWriter.Allocation numbers =
                writer.allocate(agency.code(), receiptDate, at.office().code());
        if (numbers.serial() == null) {
            throw S10Series.noneLeft(at.office().code());
        }
        String code = new DossierCode(agency.code(), receiptDate, numbers.sequence()).value();
        String s10 = S10Number.of(numbers.prefix(), numbers.serial()).value();
        IntakeRequest.Address delivery = c.deliveryAddress();
        String deliveryCommune = delivery == null ? null : delivery.communeCode();
        DossierDAO.NewDossier row = new DossierDAO.NewDossier(
                code,
                s10,
                c.procedure().code(),
                agency.code(),
                at.office().code(),
                c.form(),
                DossierTransitions.initialStatus(c.form()),
                c.fullName(),
                c.identity().number(),
                c.phone().value(),
                c.email(),
                c.street(),
                c.communeCode(),
                c.deliveryMethod(),
                delivery == null ? null : delivery.street(),
                deliveryCommune,
                c.appointmentSlipByPost(),
                c.agencyReference(),
                priced.routeClass(),
                at.now(),
                clerk.username(),
                due.acceptanceDay(),
                due.handoverBy(),
                due.resultAppointment(),
                due.returnBy(),
                fees.postage(),
                fees.governmentFee(),
                priced.paymentMethod(),
                feesJson,
                c.identity().type(),
                c.filer(),
                at.ref()
                        .deliveringOffice(
                                c.deliveryMethod(), deliveryCommune, at.office().code()));
        List<IntakeWriter.Document> documents = c.components().stream()
                .map(k -> new IntakeWriter.Document(k.code(), k.name(), k.form().name(), k.pages(), k.position()))
                .toList();
        long id = writer.insert(
                row,
                documents,
                new IntakeWriter.Along(
                        homePickupId, note, notifications.render(row.toRow(0), NotificationKind.RECEIVED, Map.of())));
        return new DossierService.Loaded(
                row.toRow(id),
                documents.stream()
                        .map(k -> new DossierDAO.ComponentRow(k.code(), k.name(), k.form(), k.pages(), k.position()))
                        .toList(),
                null);
    }

    /**
     * What {@link #intake} would give for {@code request} now — fees, dates, the required documents
     * still missing, every problem — by the same checks and calculations, storing nothing. The price
     * is there as soon as the procedure and the service form are known, whatever else is still wrong.
     */
    public IntakeQuote quote(User clerk, IntakeRequest request) {
        Counter at = counter(clerk, Role.COUNTER, request);
        ReferenceData ref = at.ref();
        IntakeCheck.Checked c = null;
        List<FieldProblem> problems = List.of();
        try {
            c = IntakeCheck.check(request, ref, at.now().getYear());
        } catch (Problem p) {
            if (p.status() != 422) {
                throw p;
            }
            problems = p.problems();
        }
        ProcedureRow procedure = c != null
                ? c.procedure()
                : Optional.ofNullable(Text.blankToNull(request.procedureCode()))
                        .flatMap(code -> ref.procedure(code.trim()))
                        .filter(ProcedureRow::postalAllowed)
                        .orElse(null);
        ServiceForm form = request.serviceForm();
        List<ProcedureView.Document> missing = procedure == null || form == ServiceForm.RETURN_ONLY
                ? List.of()
                : IntakeCheck.missingRequired(
                                brought(request),
                                IntakeCheck.withAuthorisation(
                                        ref.components(procedure.code()), request.filer() != null, procedure))
                        .stream()
                        .map(e -> new ProcedureView.Document(e.code(), e.name(), e.form(), e.required()))
                        .toList();
        if (procedure == null || form == null) {
            return new IntakeQuote(null, 0, null, null, null, missing, problems);
        }
        Priced priced = c != null
                ? price(at, procedure, form, c.appointmentSlipByPost(), c.postageOnDelivery(), request)
                : price(
                        at,
                        procedure,
                        form,
                        Boolean.TRUE.equals(request.appointmentSlipByPost()),
                        form.returns()
                                && request.delivery() != null
                                && Boolean.TRUE.equals(request.delivery().postageOnDelivery()),
                        request);
        return new IntakeQuote(
                priced.fees(),
                priced.dueOnDelivery(),
                priced.paymentMethod(),
                priced.routeClass(),
                priced.due(),
                missing,
                problems);
    }

    /** The clerk's office and the moment of the intake: who may take dossiers in, where, when. */
    private record Counter(ReferenceData ref, OfficeRow office, OffsetDateTime now, LocalDateTime localNow) {}

    private Counter counter(User clerk, Role role, IntakeRequest request) {
        if (clerk.role() != role || clerk.officeCode() == null) {
            throw Problem.forbidden(
                    role == Role.COUNTER
                            ? "only a counter clerk bound to a post office takes dossiers in"
                            : "only the courier of the booking takes a dossier in at home");
        }
        if (request == null) {
            throw Problem.invalid("body", "a JSON dossier is required");
        }
        ReferenceData ref = referenceData.get();
        OfficeRow office = ref.office(clerk.officeCode())
                .orElseThrow(() ->
                        new IllegalStateException("clerk's office " + clerk.officeCode() + " is not in the catalogue"));
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(zone)).withNano(0);
        return new Counter(ref, office, now, now.atZoneSameInstant(zone).toLocalDateTime());
    }

    /** The route, the dates and the price of a dossier: the one place each is worked out, for intake and quote alike. */
    private record Priced(
            AgencyRow agency,
            RouteClass routeClass,
            DueDates due,
            Fees fees,
            long dueOnDelivery,
            PaymentMethod paymentMethod) {}

    private Priced price(
            Counter at,
            ProcedureRow procedure,
            ServiceForm form,
            boolean appointmentSlipByPost,
            boolean postageOnDelivery,
            IntakeRequest request) {
        ReferenceData ref = at.ref();
        AgencyRow agency = ref.agency(procedure.agencyCode()).orElseThrow();
        RouteClass routeClass = RouteClass.between(ref.placeOfOffice(at.office()), ref.placeOfAgency(agency));
        DueDates due = new DeadlineCalculator(ref.calendar(), cutOff)
                .forIntake(
                        at.localNow(),
                        form,
                        ref.transitTime(routeClass),
                        ref.transitTime(routeClass),
                        procedure.processingDays(),
                        appointmentSlipByPost);
        Fees fees = FeeCalculator.itemise(form, routeClass, ref.tariff(), procedure.governmentFee());
        long dueOnDelivery = postageOnDelivery ? FeeCalculator.returnPostage(fees) : 0;
        return new Priced(agency, routeClass, due, fees, dueOnDelivery, paymentMethod(request.paymentMethod()));
    }

    /** The method given, the configured default when none (or, in a quote, one not known) is. */
    private PaymentMethod paymentMethod(String given) {
        return Arrays.stream(PaymentMethod.values())
                .filter(m -> !Text.blank(given) && m.name().equals(given.trim()))
                .findFirst()
                .orElse(defaultPaymentMethod);
    }

    /** The codes of the documents a request lists. */
    private static Set<String> brought(IntakeRequest request) {
        return request.components() == null
                ? Set.of()
                : request.components().stream()
                        .filter(k -> k != null && !Text.blank(k.code()))
                        .map(k -> k.code().trim())
                        .collect(Collectors.toSet());
    }

    private String toJson(Object value) {
        return JsonText.of(json, value);
    }
}
