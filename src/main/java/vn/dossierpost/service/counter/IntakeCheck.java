package vn.dossierpost.service.counter;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.api.IntakeRequest;
import vn.dossierpost.db.CatalogueDAO.ComponentRow;
import vn.dossierpost.db.CatalogueDAO.ProcedureRow;
import vn.dossierpost.domain.DeliveryMethod;
import vn.dossierpost.domain.DocumentForm;
import vn.dossierpost.domain.Filer;
import vn.dossierpost.domain.IdType;
import vn.dossierpost.domain.InvalidValueException;
import vn.dossierpost.domain.PaymentMethod;
import vn.dossierpost.domain.PhoneNumber;
import vn.dossierpost.domain.ServiceForm;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Shapes;
import vn.dossierpost.service.Text;
import vn.dossierpost.service.catalogue.ReferenceData;

/**
 * An intake request checked as the counter must (QĐ 45/2016 Art. 6): its shape (the annotations on
 * {@link IntakeRequest}), then what needs the catalogue or the domain's parsing for the fields whose
 * shape is right — the procedure open to the post, the identity numbers and phone, the filer where
 * the procedure allows one, the communes, the documents against the procedure's list. Every problem
 * of both kinds comes in one answer, in the form's order.
 */
final class IntakeCheck {
    /** A document brought, matched to the procedure's list. */
    record CheckedComponent(String code, String name, DocumentForm form, int pages, int position) {}

    /** The authorisation's code among the documents: required when someone files for the applicant. */
    static final String AUTHORISATION = "VAN_BAN_UY_QUYEN";

    /** An identity number parsed as its type requires. */
    record Identity(IdType type, String number) {}

    /** The request once every field has been checked. */
    record Checked(
            ProcedureRow procedure,
            ServiceForm form,
            String fullName,
            Identity identity,
            PhoneNumber phone,
            String email,
            String street,
            String communeCode,
            DeliveryMethod deliveryMethod,
            IntakeRequest.Address deliveryAddress,
            boolean postageOnDelivery,
            boolean appointmentSlipByPost,
            String agencyReference,
            Filer filer,
            List<CheckedComponent> components) {}

    private final ReferenceData ref;
    private final List<FieldProblem> problems;
    /** Fields whose shape is wrong: not looked at further, so each gets one problem. */
    private final Set<String> misshapen;

    private IntakeCheck(IntakeRequest r, ReferenceData ref) {
        this.ref = ref;
        this.problems = new ArrayList<>(Shapes.problems(r));
        this.misshapen = problems.stream().map(FieldProblem::field).collect(Collectors.toCollection(HashSet::new));
    }

    /** The checked request; {@link Problem} 422 with every problem otherwise. */
    static Checked check(IntakeRequest r, ReferenceData ref, int currentYear) {
        IntakeCheck check = new IntakeCheck(r, ref);
        ProcedureRow procedure = check.procedure(r.procedureCode());
        ServiceForm form = r.serviceForm();
        IntakeRequest.Applicant a = r.applicant();
        Identity identity = a == null ? null : check.applicantId(a, currentYear);
        Filer filer = check.filer(r.filer(), procedure, currentYear);
        PhoneNumber phone = a == null ? null : check.parsed("applicant.phone", () -> PhoneNumber.parse(a.phone()));
        IntakeRequest.Address address =
                a == null || a.address() == null ? null : check.address(a.address(), "applicant.address", false);
        boolean returns = form != null && form.returns();
        DeliveryMethod deliveryMethod = check.deliveryMethod(r.delivery(), returns);
        IntakeRequest.Address deliveryAddress =
                deliveryMethod == DeliveryMethod.HOME ? check.deliveryAddress(r.delivery()) : null;
        boolean postageOnDelivery =
                r.delivery() != null && Boolean.TRUE.equals(r.delivery().postageOnDelivery());
        if (postageOnDelivery && !returns) {
            check.problem(
                    "delivery.postageOnDelivery",
                    "applies only when the result is returned by post (SEND_AND_RETURN or RETURN_ONLY)");
        }
        String agencyReference = Text.blankToNull(r.agencyReference());
        if (form == ServiceForm.RETURN_ONLY && agencyReference == null) {
            check.problem(
                    "agencyReference",
                    "is required for RETURN_ONLY: the agency's reference of the dossier filed there");
        }
        check.paymentMethod(r.paymentMethod());
        List<CheckedComponent> components = procedure == null
                ? List.of()
                : components(
                        r.components(),
                        withAuthorisation(ref.components(procedure.code()), r.filer() != null, procedure),
                        form != ServiceForm.RETURN_ONLY,
                        check.problems);
        if (!check.problems.isEmpty()) {
            throw Problem.invalid(Shapes.inOrder(IntakeRequest.class, check.problems));
        }
        return new Checked(
                procedure,
                form,
                line(a.fullName()),
                identity,
                phone,
                Text.blank(a.email()) ? null : a.email().trim(),
                address.street(),
                address.communeCode(),
                deliveryMethod,
                deliveryAddress,
                postageOnDelivery,
                Boolean.TRUE.equals(r.appointmentSlipByPost()),
                agencyReference,
                filer,
                components);
    }

    /**
     * The applicant's identity: {@code idType} + {@code idNumber}, or, as before these existed,
     * {@code citizenId} alone as a CCCD.
     */
    private Identity applicantId(IntakeRequest.Applicant a, int currentYear) {
        String number = Text.blankToNull(a.idNumber());
        String citizenId = Text.blankToNull(a.citizenId());
        if (a.idType() == null && number == null && citizenId != null) {
            return identity("applicant.citizenId", IdType.CCCD, citizenId, currentYear);
        }
        if (a.idType() == null) {
            problem("applicant.idType", "is required: CCCD, PASSPORT (foreigners) or TAX_CODE (organisations)");
            return null;
        }
        if (citizenId != null && (a.idType() != IdType.CCCD || number != null && !number.equals(citizenId))) {
            problem(
                    "applicant.citizenId",
                    "give the number once, in idNumber (citizenId is the older name for a CCCD)");
            return null;
        }
        if (number == null && citizenId == null) {
            problem("applicant.idNumber", "is required: " + a.idType().expected());
            return null;
        }
        return identity("applicant.idNumber", a.idType(), number == null ? citizenId : number, currentYear);
    }

    private Identity identity(String field, IdType type, String raw, int currentYear) {
        String number = parsed(field, () -> type.parse(raw, currentYear));
        return number == null ? null : new Identity(type, number);
    }

    /**
     * Who files for the applicant: only where the law lets a proxy file the procedure, and only a
     * person (an organisation is represented by someone with an authorisation, who is the filer).
     */
    private Filer filer(IntakeRequest.Filer f, ProcedureRow procedure, int currentYear) {
        if (f == null) {
            return null;
        }
        if (procedure != null && !procedure.proxyAllowed()) {
            problem(
                    "filer",
                    "is not allowed: '" + procedure.name() + "' must be filed by the applicant in person, "
                            + "not through a proxy (" + procedure.legalBasis() + ")");
            return null;
        }
        if (f.idType() == IdType.TAX_CODE) {
            problem("filer.idType", "must be CCCD or PASSPORT: the filer is a person");
            return null;
        }
        Identity id = f.idType() == null || Text.blank(f.idNumber())
                ? null
                : identity("filer.idNumber", f.idType(), f.idNumber(), currentYear);
        return id == null || misshapen.stream().anyMatch(m -> m.startsWith("filer."))
                ? null
                : new Filer(line(f.fullName()), id.type(), id.number(), line(f.relation()), line(f.authorisation()));
    }

    /**
     * The procedure's list with the authorisation required when someone files for the applicant:
     * as the procedure lists it, or added at the end where the procedure does not list it. Where no
     * proxy may file, the filer is refused and no authorisation is asked for.
     */
    static List<ComponentRow> withAuthorisation(List<ComponentRow> expected, boolean filer, ProcedureRow procedure) {
        if (!filer || !procedure.proxyAllowed()) {
            return expected;
        }
        List<ComponentRow> list = new ArrayList<>(expected.stream()
                .map(e -> e.code().equals(AUTHORISATION)
                        ? new ComponentRow(e.procedureCode(), e.code(), e.name(), e.form(), true, e.position())
                        : e)
                .toList());
        if (list.stream().noneMatch(e -> e.code().equals(AUTHORISATION))) {
            int position = list.stream().mapToInt(ComponentRow::position).max().orElse(0) + 1;
            list.add(new ComponentRow(
                    null, AUTHORISATION, "Văn bản ủy quyền cho người nộp thay", "ORIGINAL", true, position));
        }
        return list;
    }

    private void problem(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    /** The procedure, known to the catalogue and open to the postal channel. */
    private ProcedureRow procedure(String code) {
        if (misshapen.contains("procedureCode")) {
            return null;
        }
        ProcedureRow procedure = ref.procedure(code.trim()).orElse(null);
        if (procedure == null) {
            problem("procedureCode", "unknown procedure '" + code + "' (see GET /api/procedures)");
        } else if (!procedure.postalAllowed()) {
            problem(
                    "procedureCode",
                    "'" + procedure.name() + "' requires the applicant in person: the postal channel is not allowed "
                            + "for it (QĐ 45/2016 Art. 1.2)");
        }
        return procedure;
    }

    private interface Parse<T> {
        T parse() throws InvalidValueException;
    }

    /** A value the domain parses (a CCCD, a phone number), for a field whose shape is right. */
    private <T> T parsed(String field, Parse<T> parse) {
        if (misshapen.contains(field)) {
            return null;
        }
        try {
            return parse.parse();
        } catch (InvalidValueException e) {
            problem(field, e.getMessage());
            return null;
        }
    }

    /** An address as stored (street composed, commune known); with {@code checkShape}, its shape is checked here. */
    private IntakeRequest.Address address(IntakeRequest.Address given, String path, boolean checkShape) {
        if (checkShape) {
            List<FieldProblem> shape = Shapes.problems(given, path);
            shape.forEach(p -> misshapen.add(p.field()));
            problems.addAll(shape);
        }
        return new IntakeRequest.Address(line(given.street()), commune(given.communeCode(), path + ".communeCode"));
    }

    private DeliveryMethod deliveryMethod(IntakeRequest.Delivery delivery, boolean returns) {
        if (delivery != null && delivery.method() != null) {
            return delivery.method();
        }
        if (returns) {
            problem("delivery.method", "is required when the result is returned by post: HOME or PICKUP_AT_OFFICE");
        }
        return DeliveryMethod.PICKUP_AT_OFFICE;
    }

    /** The address for HOME delivery: read only then, so its shape is checked only then. */
    private IntakeRequest.Address deliveryAddress(IntakeRequest.Delivery delivery) {
        if (delivery.address() == null) {
            problem("delivery.address", "is required for HOME delivery: street and communeCode");
            return null;
        }
        return address(delivery.address(), "delivery.address", true);
    }

    /** Left out, the configured default applies. */
    private void paymentMethod(String given) {
        if (!Text.blank(given)
                && Arrays.stream(PaymentMethod.values()).noneMatch(m -> m.name().equals(given.trim()))) {
            problem(
                    "paymentMethod",
                    "must be one of "
                            + Arrays.stream(PaymentMethod.values())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }

    /** Matches the documents brought against the procedure's list; names what is missing. */
    private static List<CheckedComponent> components(
            List<IntakeRequest.Component> given,
            List<ComponentRow> expected,
            boolean completeRequired,
            List<FieldProblem> problems) {
        Map<String, ComponentRow> byCode = new HashMap<>();
        expected.forEach(e -> byCode.put(e.code(), e));
        List<CheckedComponent> checked = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<IntakeRequest.Component> list = given == null ? List.of() : given;
        for (int i = 0; i < list.size(); i++) {
            String path = "components[" + i + "]";
            IntakeRequest.Component g = list.get(i);
            if (g == null || Text.blankToNull(g.code()) == null) {
                problems.add(
                        new FieldProblem(path + ".code", "is required: one of " + String.join(", ", byCode.keySet())));
                continue;
            }
            ComponentRow e = byCode.get(g.code().trim());
            if (e == null) {
                problems.add(new FieldProblem(
                        path + ".code",
                        "'" + g.code() + "' is not a document of this procedure; expected one of "
                                + String.join(
                                        ", ",
                                        expected.stream()
                                                .map(ComponentRow::code)
                                                .toList())));
                continue;
            }
            Integer previous = seen.put(e.code(), i);
            if (previous != null) {
                problems.add(new FieldProblem(
                        path + ".code", "'" + e.code() + "' is listed twice (also components[" + previous + "])"));
                continue;
            }
            if (g.form() != null && !g.form().satisfies(DocumentForm.valueOf(e.form()))) {
                problems.add(new FieldProblem(
                        path + ".form", "'" + e.name() + "' must be the ORIGINAL (bản chính); a COPY is not accepted"));
            }
            if (g.form() != null && g.pages() != null) {
                checked.add(new CheckedComponent(e.code(), e.name(), g.form(), g.pages(), e.position()));
            }
        }
        if (completeRequired) {
            for (ComponentRow e : missingRequired(seen.keySet(), expected)) {
                problems.add(new FieldProblem(
                        "components",
                        "missing required document " + e.code() + ": " + e.name()
                                + (e.form().equals("ORIGINAL") ? " (bản chính / original)" : " (bản sao / copy)")));
            }
        }
        return checked;
    }

    /** The procedure's required documents whose code is not among {@code brought}: what the clerk must still ask for. */
    static List<ComponentRow> missingRequired(Set<String> brought, List<ComponentRow> expected) {
        return expected.stream()
                .filter(e -> e.required() && !brought.contains(e.code()))
                .toList();
    }

    /** A line of text as stored: trimmed and composed (NFC); its shape is the request's to check. */
    private static String line(String value) {
        return Text.blank(value) ? null : Normalizer.normalize(value.trim(), Normalizer.Form.NFC);
    }

    /** A commune code whose shape is right, looked up in the catalogue. */
    private String commune(String code, String field) {
        if (code == null || misshapen.contains(field)) {
            return null;
        }
        String c = code.trim();
        if (ref.commune(c).isEmpty()) {
            problem(field, "unknown commune code '" + c + "'");
            return null;
        }
        return c;
    }
}
