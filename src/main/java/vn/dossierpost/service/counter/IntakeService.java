package vn.dossierpost.service.counter;

import java.util.stream.Collectors;
import java.util.Arrays;
import vn.dossierpost.domain.PaymentMethod;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.dossierpost.service.Text;
import vn.dossierpost.api.IntakeRequest;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.User;
import vn.dossierpost.db.CatalogueDAO.AgencyRow;
import vn.dossierpost.db.CatalogueDAO.ComponentRow;
import vn.dossierpost.db.CatalogueDAO.OfficeRow;
import vn.dossierpost.db.CatalogueDAO.ProcedureRow;
import vn.dossierpost.db.DossierDAO;
import vn.dossierpost.db.IntakeWriter;
import vn.dossierpost.domain.CitizenId;
import vn.dossierpost.domain.DeadlineCalculator;
import vn.dossierpost.domain.DeliveryMethod;
import vn.dossierpost.domain.DocumentForm;
import vn.dossierpost.domain.DossierCode;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.DossierTransitions;
import vn.dossierpost.domain.DueDates;
import vn.dossierpost.domain.FeeCalculator;
import vn.dossierpost.domain.Fees;
import vn.dossierpost.domain.InvalidValueException;
import vn.dossierpost.domain.PhoneNumber;
import vn.dossierpost.domain.RouteClass;
import vn.dossierpost.domain.S10Number;
import vn.dossierpost.domain.ServiceForm;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.service.dossier.DossierService;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Shapes;
import vn.dossierpost.service.JsonText;
import vn.dossierpost.service.catalogue.ReferenceDataCache;

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

    public IntakeService(IntakeWriter writer, ReferenceDataCache referenceData, ObjectMapper json, Clock clock, ZoneId zone,
                         LocalTime cutOff, String s10ServiceIndicator, PaymentMethod defaultPaymentMethod) {
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
                .orElseThrow(() -> new IllegalStateException("clerk's office " + clerk.officeCode() + " is not in the catalogue"));
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(zone)).withNano(0);
        Checked c = check(request, ref, now.getYear());

        AgencyRow agency = ref.agency(c.procedure.agencyCode()).orElseThrow();
        RouteClass routeClass = RouteClass.between(ref.placeOfOffice(office), ref.placeOfAgency(agency));
        LocalDateTime localNow = now.atZoneSameInstant(zone).toLocalDateTime();
        DueDates due = new DeadlineCalculator(ref.calendar(), cutOff).forIntake(localNow, c.form,
                ref.transitTime(routeClass), ref.transitTime(routeClass), c.procedure.processingDays(), c.appointmentSlipByPost);
        Fees fees = FeeCalculator.itemise(c.form, routeClass, ref.tariff(), c.procedure.governmentFee());
        PaymentMethod paymentMethod = Text.blank(request.paymentMethod()) ? defaultPaymentMethod
                : PaymentMethod.valueOf(request.paymentMethod().trim());
        DossierStatus status = DossierTransitions.initialStatus(c.form);
        long dueOnDelivery = c.postageOnDelivery ? FeeCalculator.returnPostage(fees) : 0;
        String feesJson = toJson(Map.of("items", fees.items(), "dueOnDelivery", dueOnDelivery));

        LocalDate receiptDate = localNow.toLocalDate();
        IntakeWriter.Allocation numbers = writer.allocate(agency.code(), receiptDate);
        String code = new DossierCode(agency.code(), receiptDate, numbers.sequence()).value();
        String s10 = S10Number.of(s10ServiceIndicator, numbers.serial()).value();
        IntakeRequest.Address delivery = c.deliveryAddress;
        DossierDAO.NewDossier row = new DossierDAO.NewDossier(code, s10, c.procedure.code(), agency.code(),
                office.code(), c.form, status, c.fullName, c.citizenId.value(), c.phone.value(), c.email,
                c.street, c.communeCode, c.deliveryMethod,
                delivery == null ? null : delivery.street(), delivery == null ? null : delivery.communeCode(),
                c.appointmentSlipByPost, c.agencyReference, routeClass, now, clerk.username(),
                due.acceptanceDay(), due.handoverBy(), due.resultAppointment(), due.returnBy(),
                fees.postage(), fees.governmentFee(), paymentMethod, feesJson);
        List<IntakeWriter.Document> documents = c.components.stream()
                .map(k -> new IntakeWriter.Document(k.code(), k.name(), k.form().name(), k.pages(), k.position())).toList();
        long id = writer.insert(row, documents);
        return new DossierService.Loaded(row.toRow(id), documents.stream()
                .map(k -> new DossierDAO.ComponentRow(k.code(), k.name(), k.form(), k.pages(), k.position())).toList());
    }

    private record CheckedComponent(String code, String name, DocumentForm form, int pages, int position) {}

    /** The request once every field has been checked. */
    private record Checked(ProcedureRow procedure, ServiceForm form, String fullName, CitizenId citizenId, PhoneNumber phone,
                           String email, String street, String communeCode, DeliveryMethod deliveryMethod,
                           IntakeRequest.Address deliveryAddress, boolean postageOnDelivery, boolean appointmentSlipByPost,
                           String agencyReference, List<CheckedComponent> components) {}

    /**
     * The request's shape (its annotations) and then what needs the catalogue or the domain's parsing,
     * for the fields whose shape is right; every problem of both kinds in one answer.
     */
    private Checked check(IntakeRequest r, ReferenceData ref, int currentYear) {
        List<FieldProblem> problems = new ArrayList<>(Shapes.problems(r));
        Set<String> misshapen = problems.stream().map(FieldProblem::field).collect(Collectors.toCollection(HashSet::new));

        ProcedureRow procedure = null;
        if (!misshapen.contains("procedureCode")) {
            procedure = ref.procedure(r.procedureCode().trim()).orElse(null);
            if (procedure == null) {
                problems.add(new FieldProblem("procedureCode", "unknown procedure '" + r.procedureCode() + "' (see GET /api/procedures)"));
            } else if (!procedure.postalAllowed()) {
                problems.add(new FieldProblem("procedureCode", "'" + procedure.name() + "' requires the applicant in person: "
                        + "the postal channel is not allowed for it (QĐ 45/2016 Art. 1.2)"));
            }
        }
        ServiceForm form = r.serviceForm();

        String fullName = null, email = null, street = null, communeCode = null;
        CitizenId citizenId = null;
        PhoneNumber phone = null;
        IntakeRequest.Applicant a = r.applicant();
        if (a != null) {
            fullName = line(a.fullName());
            if (!misshapen.contains("applicant.citizenId")) {
                try {
                    citizenId = CitizenId.parse(a.citizenId(), currentYear);
                } catch (InvalidValueException e) {
                    problems.add(new FieldProblem("applicant.citizenId", e.getMessage()));
                }
            }
            if (!misshapen.contains("applicant.phone")) {
                try {
                    phone = PhoneNumber.parse(a.phone());
                } catch (InvalidValueException e) {
                    problems.add(new FieldProblem("applicant.phone", e.getMessage()));
                }
            }
            email = Text.blank(a.email()) ? null : a.email().trim();
            if (a.address() != null) {
                street = line(a.address().street());
                communeCode = commune(a.address().communeCode(), "applicant.address.communeCode", ref, misshapen, problems);
            }
        }

        DeliveryMethod deliveryMethod = DeliveryMethod.PICKUP_AT_OFFICE;
        IntakeRequest.Address deliveryAddress = null;
        boolean returns = form != null && form.returns();
        if (r.delivery() == null || r.delivery().method() == null) {
            if (returns) {
                problems.add(new FieldProblem("delivery.method", "is required when the result is returned by post: HOME or PICKUP_AT_OFFICE"));
            }
        } else {
            deliveryMethod = r.delivery().method();
            if (deliveryMethod == DeliveryMethod.HOME) {
                IntakeRequest.Address d = r.delivery().address();
                if (d == null) {
                    problems.add(new FieldProblem("delivery.address", "is required for HOME delivery: street and communeCode"));
                } else {
                    // the address is read only for HOME delivery, so its shape is checked only then
                    List<FieldProblem> shape = Shapes.problems(d, "delivery.address");
                    shape.forEach(p -> misshapen.add(p.field()));
                    problems.addAll(shape);
                    deliveryAddress = new IntakeRequest.Address(line(d.street()),
                            commune(d.communeCode(), "delivery.address.communeCode", ref, misshapen, problems));
                }
            }
        }

        boolean postageOnDelivery = r.delivery() != null && Boolean.TRUE.equals(r.delivery().postageOnDelivery());
        if (postageOnDelivery && !returns) {
            problems.add(new FieldProblem("delivery.postageOnDelivery", "applies only when the result is returned by post "
                    + "(SEND_AND_RETURN or RETURN_ONLY)"));
        }

        String agencyReference = Text.blankToNull(r.agencyReference());
        if (form == ServiceForm.RETURN_ONLY && agencyReference == null) {
            problems.add(new FieldProblem("agencyReference", "is required for RETURN_ONLY: the agency's reference of the dossier filed there"));
        }

        if (!Text.blank(r.paymentMethod()) && Arrays.stream(PaymentMethod.values()).noneMatch(m -> m.name().equals(r.paymentMethod().trim()))) {
            problems.add(new FieldProblem("paymentMethod", "must be one of " + Arrays.stream(PaymentMethod.values()).map(Enum::name)
                    .collect(Collectors.joining(", "))));
        }

        List<CheckedComponent> components = procedure == null ? List.of()
                : components(r.components(), ref.components(procedure.code()), form != ServiceForm.RETURN_ONLY, problems);

        if (!problems.isEmpty()) {
            throw Problem.invalid(Shapes.inOrder(IntakeRequest.class, problems));
        }
        return new Checked(procedure, form, fullName, citizenId, phone, email, street, communeCode, deliveryMethod,
                deliveryAddress, postageOnDelivery, Boolean.TRUE.equals(r.appointmentSlipByPost()), agencyReference, components);
    }

    /** Matches the documents brought against the procedure's list; names what is missing. */
    private static List<CheckedComponent> components(List<IntakeRequest.Component> given, List<ComponentRow> expected,
                                                     boolean completeRequired, List<FieldProblem> problems) {
        Map<String, ComponentRow> byCode = new HashMap<>();
        expected.forEach(e -> byCode.put(e.code(), e));
        List<CheckedComponent> checked = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<IntakeRequest.Component> list = given == null ? List.of() : given;
        for (int i = 0; i < list.size(); i++) {
            String path = "components[" + i + "]";
            IntakeRequest.Component g = list.get(i);
            if (g == null || Text.blankToNull(g.code()) == null) {
                problems.add(new FieldProblem(path + ".code", "is required: one of " + String.join(", ", byCode.keySet())));
                continue;
            }
            ComponentRow e = byCode.get(g.code().trim());
            if (e == null) {
                problems.add(new FieldProblem(path + ".code", "'" + g.code() + "' is not a document of this procedure; expected one of "
                        + String.join(", ", expected.stream().map(ComponentRow::code).toList())));
                continue;
            }
            Integer previous = seen.put(e.code(), i);
            if (previous != null) {
                problems.add(new FieldProblem(path + ".code", "'" + e.code() + "' is listed twice (also components[" + previous + "])"));
                continue;
            }
            if (g.form() != null && !g.form().satisfies(DocumentForm.valueOf(e.form()))) {
                problems.add(new FieldProblem(path + ".form", "'" + e.name() + "' must be the ORIGINAL (bản chính); a COPY is not accepted"));
            }
            if (g.form() != null && g.pages() != null) {
                checked.add(new CheckedComponent(e.code(), e.name(), g.form(), g.pages(), e.position()));
            }
        }
        if (completeRequired) {
            for (ComponentRow e : expected) {
                if (e.required() && !seen.containsKey(e.code())) {
                    problems.add(new FieldProblem("components", "missing required document " + e.code() + ": " + e.name()
                            + (e.form().equals("ORIGINAL") ? " (bản chính / original)" : " (bản sao / copy)")));
                }
            }
        }
        return checked;
    }

    /** A line of text as stored: trimmed and composed (NFC); its shape is the request's to check. */
    private static String line(String value) {
        return Text.blank(value) ? null : Normalizer.normalize(value.trim(), Normalizer.Form.NFC);
    }

    /** A commune code whose shape is right, looked up in the catalogue. */
    private static String commune(String code, String field, ReferenceData ref, Set<String> misshapen,
                                  List<FieldProblem> problems) {
        if (code == null || misshapen.contains(field)) {
            return null;
        }
        String c = code.trim();
        if (ref.commune(c).isEmpty()) {
            problems.add(new FieldProblem(field, "unknown commune code '" + c + "'"));
            return null;
        }
        return c;
    }

    private String toJson(Object value) {
        return JsonText.of(json, value);
    }
}
