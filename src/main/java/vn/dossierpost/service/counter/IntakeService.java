package vn.dossierpost.service.counter;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import vn.dossierpost.api.IntakeRequest;
import vn.dossierpost.db.CatalogueDAO.AgencyRow;
import vn.dossierpost.db.CatalogueDAO.OfficeRow;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.IntakeWriter;
import vn.dossierpost.domain.DeadlineCalculator;
import vn.dossierpost.domain.DossierCode;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.DossierTransitions;
import vn.dossierpost.domain.DueDates;
import vn.dossierpost.domain.FeeCalculator;
import vn.dossierpost.domain.Fees;
import vn.dossierpost.domain.PaymentMethod;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.RouteClass;
import vn.dossierpost.domain.S10Number;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.JsonText;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Text;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.dossier.DossierService;

/**
 * Intake at the counter (QĐ 45/2016 Art. 6; TT 17/2017 Art. 5.1): checks the dossier against the
 * procedure's document list — saying exactly what is missing, because the clerk must guide the
 * citizen —, prices it, sets the due dates and stores it with its documents and first event in one
 * statement (so in one transaction).
 */
public final class IntakeService {
    private final IntakeWriter writer;
    private final ReferenceDataCache referenceData;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final LocalTime cutOff;
    private final String s10ServiceIndicator;
    private final PaymentMethod defaultPaymentMethod;

    public IntakeService(
            IntakeWriter writer,
            ReferenceDataCache referenceData,
            ObjectMapper json,
            Clock clock,
            ZoneId zone,
            LocalTime cutOff,
            String s10ServiceIndicator,
            PaymentMethod defaultPaymentMethod) {
        this.writer = writer;
        this.referenceData = referenceData;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
        this.cutOff = cutOff;
        this.s10ServiceIndicator = s10ServiceIndicator;
        this.defaultPaymentMethod = defaultPaymentMethod;
    }

    /** Takes a dossier in; returns it as stored. Throws {@link Problem} (422) listing everything wrong. */
    public DossierService.Loaded intake(User clerk, IntakeRequest request) {
        if (clerk.role() != Role.COUNTER || clerk.officeCode() == null) {
            throw Problem.forbidden("only a counter clerk bound to a post office takes dossiers in");
        }
        if (request == null) {
            throw Problem.invalid("body", "a JSON dossier is required");
        }
        ReferenceData ref = referenceData.get();
        OfficeRow office = ref.office(clerk.officeCode())
                .orElseThrow(() ->
                        new IllegalStateException("clerk's office " + clerk.officeCode() + " is not in the catalogue"));
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(zone)).withNano(0);
        IntakeCheck.Checked c = IntakeCheck.check(request, ref, now.getYear());

        AgencyRow agency = ref.agency(c.procedure().agencyCode()).orElseThrow();
        RouteClass routeClass = RouteClass.between(ref.placeOfOffice(office), ref.placeOfAgency(agency));
        LocalDateTime localNow = now.atZoneSameInstant(zone).toLocalDateTime();
        DueDates due = new DeadlineCalculator(ref.calendar(), cutOff)
                .forIntake(
                        localNow,
                        c.form(),
                        ref.transitTime(routeClass),
                        ref.transitTime(routeClass),
                        c.procedure().processingDays(),
                        c.appointmentSlipByPost());
        Fees fees = FeeCalculator.itemise(
                c.form(), routeClass, ref.tariff(), c.procedure().governmentFee());
        PaymentMethod paymentMethod = Text.blank(request.paymentMethod())
                ? defaultPaymentMethod
                : PaymentMethod.valueOf(request.paymentMethod().trim());
        DossierStatus status = DossierTransitions.initialStatus(c.form());
        long dueOnDelivery = c.postageOnDelivery() ? FeeCalculator.returnPostage(fees) : 0;
        String feesJson = toJson(Map.of("items", fees.items(), "dueOnDelivery", dueOnDelivery));

        LocalDate receiptDate = localNow.toLocalDate();
        IntakeWriter.Allocation numbers = writer.allocate(agency.code(), receiptDate);
        String code = new DossierCode(agency.code(), receiptDate, numbers.sequence()).value();
        String s10 = S10Number.of(s10ServiceIndicator, numbers.serial()).value();
        IntakeRequest.Address delivery = c.deliveryAddress();
        DossierDAO.NewDossier row = new DossierDAO.NewDossier(
                code,
                s10,
                c.procedure().code(),
                agency.code(),
                office.code(),
                c.form(),
                status,
                c.fullName(),
                c.citizenId().value(),
                c.phone().value(),
                c.email(),
                c.street(),
                c.communeCode(),
                c.deliveryMethod(),
                delivery == null ? null : delivery.street(),
                delivery == null ? null : delivery.communeCode(),
                c.appointmentSlipByPost(),
                c.agencyReference(),
                routeClass,
                now,
                clerk.username(),
                due.acceptanceDay(),
                due.handoverBy(),
                due.resultAppointment(),
                due.returnBy(),
                fees.postage(),
                fees.governmentFee(),
                paymentMethod,
                feesJson);
        List<IntakeWriter.Document> documents = c.components().stream()
                .map(k -> new IntakeWriter.Document(k.code(), k.name(), k.form().name(), k.pages(), k.position()))
                .toList();
        long id = writer.insert(row, documents);
        return new DossierService.Loaded(
                row.toRow(id),
                documents.stream()
                        .map(k -> new DossierDAO.ComponentRow(k.code(), k.name(), k.form(), k.pages(), k.position()))
                        .toList());
    }

    private String toJson(Object value) {
        return JsonText.of(json, value);
    }
}
