package vn.dossierpost.web.counter;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.api.IntakeRequest;
import vn.dossierpost.api.ProcedureView;
import vn.dossierpost.domain.DeliveryMethod;
import vn.dossierpost.domain.DocumentForm;
import vn.dossierpost.domain.IdType;
import vn.dossierpost.domain.ServiceForm;
import vn.dossierpost.service.Text;

/**
 * The intake form as the clerk typed it: kept as text so a refused form comes back exactly as it was,
 * turned into the same {@link IntakeRequest} the JSON API takes (the service checks it, not the page),
 * and the service's problems ({@code applicant.citizenId}, {@code components[1].pages}) put back beside
 * the inputs they are about. Each input's id is its name; a document's inputs are
 * {@code component-<code>}, {@code form-<code>} and {@code pages-<code>}.
 */
public final class IntakeForm {
    /** The text inputs, as named in the form. */
    static final List<String> FIELDS = List.of(
            "procedure",
            "serviceForm",
            "fullName",
            "idType",
            "citizenId",
            "phone",
            "email",
            "street",
            "communeName",
            "communeCode",
            "deliveryMethod",
            "deliveryStreet",
            "deliveryCommuneName",
            "deliveryCommuneCode",
            "paymentMethod",
            "agencyReference",
            "filerName",
            "filerIdType",
            "filerIdNumber",
            "filerRelation",
            "filerAuthorisation");

    /** Check boxes of the form: present (any value) means ticked. */
    static final List<String> BOXES = List.of("sameAddress", "appointmentSlipByPost", "postageOnDelivery", "filer");

    /** Where a problem of the request is shown, when it is not the input of the same name. */
    private static final Map<String, String> INPUT_OF = Map.ofEntries(
            Map.entry("procedureCode", "procedure"),
            Map.entry("applicant", "fullName"),
            Map.entry("applicant.fullName", "fullName"),
            Map.entry("applicant.citizenId", "citizenId"),
            Map.entry("applicant.idType", "idType"),
            Map.entry("applicant.idNumber", "citizenId"),
            Map.entry("filer", "filerName"),
            Map.entry("filer.fullName", "filerName"),
            Map.entry("filer.idType", "filerIdType"),
            Map.entry("filer.idNumber", "filerIdNumber"),
            Map.entry("filer.relation", "filerRelation"),
            Map.entry("filer.authorisation", "filerAuthorisation"),
            Map.entry("applicant.phone", "phone"),
            Map.entry("applicant.email", "email"),
            Map.entry("applicant.address", "street"),
            Map.entry("applicant.address.street", "street"),
            Map.entry("applicant.address.communeCode", "communeCode"),
            Map.entry("delivery", "deliveryMethod"),
            Map.entry("delivery.method", "deliveryMethod"),
            Map.entry("delivery.address", "deliveryStreet"),
            Map.entry("delivery.address.street", "deliveryStreet"),
            Map.entry("delivery.address.communeCode", "deliveryCommuneCode"),
            Map.entry("delivery.postageOnDelivery", "postageOnDelivery"));

    private static final Pattern COMPONENT = Pattern.compile("components\\[(\\d+)]\\.(code|form|pages)");

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> boxes = new LinkedHashSet<>();
    /** The documents ticked, in the procedure's order once {@link #toRequest} has run. */
    private final List<String> components = new ArrayList<>();

    private IntakeForm() {}

    /** An empty form: send and return, delivered home to the applicant's address, paid in cash. */
    static IntakeForm blank(String procedure, List<String> brought) {
        IntakeForm f = new IntakeForm();
        f.values.put("procedure", procedure == null ? "" : procedure.trim());
        f.values.put("serviceForm", ServiceForm.SEND_AND_RETURN.name());
        f.values.put("deliveryMethod", DeliveryMethod.HOME.name());
        f.values.put("paymentMethod", "CASH");
        f.boxes.add("sameAddress");
        if (brought != null) {
            brought.stream().map(String::trim).distinct().forEach(f.components::add);
        }
        return f;
    }

    /** The form as the browser sent it. */
    static IntakeForm of(MultivaluedMap<String, String> sent) {
        IntakeForm f = new IntakeForm();
        FIELDS.forEach(name -> f.values.put(name, first(sent, name)));
        BOXES.stream().filter(sent::containsKey).forEach(f.boxes::add);
        List<String> ticked = sent.get("component");
        if (ticked != null) {
            ticked.stream().map(String::trim).distinct().forEach(f.components::add);
        }
        sent.forEach((name, v) -> {
            if (name.startsWith("form-") || name.startsWith("pages-")) {
                f.values.put(name, v.isEmpty() ? "" : v.get(0));
            }
        });
        return f;
    }

    private static String first(MultivaluedMap<String, String> sent, String name) {
        String v = sent.getFirst(name);
        return v == null ? "" : v;
    }

    /** What the clerk typed in {@code name} ("" when nothing). */
    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean checked(String box) {
        return boxes.contains(box);
    }

    public boolean ticked(String componentCode) {
        return components.contains(componentCode);
    }

    public String procedure() {
        return value("procedure").trim();
    }

    public boolean homeDelivery() {
        return DeliveryMethod.HOME.name().equals(value("deliveryMethod"));
    }

    /**
     * The request the JSON API would get. Documents of the chosen procedure only, in its order, each
     * with the form chosen (the one required by default) and its pages; what does not parse goes as
     * absent, so the service names it.
     */
    IntakeRequest toRequest(ProcedureView procedure) {
        if (procedure != null) {
            List<String> inOrder = procedure.components().stream()
                    .map(ProcedureView.Document::code)
                    .filter(components::contains)
                    .toList();
            components.retainAll(inOrder);
            components.sort((a, b) -> inOrder.indexOf(a) - inOrder.indexOf(b));
        }
        IntakeRequest.Address home = new IntakeRequest.Address(text("street"), text("communeCode"));
        DeliveryMethod method = parse(DeliveryMethod.class, value("deliveryMethod"));
        IntakeRequest.Address deliveryAddress = method != DeliveryMethod.HOME
                ? null
                : checked("sameAddress")
                        ? home
                        : new IntakeRequest.Address(text("deliveryStreet"), text("deliveryCommuneCode"));
        List<IntakeRequest.Component> documents = components.stream()
                .map(code -> new IntakeRequest.Component(
                        code, parse(DocumentForm.class, value("form-" + code)), pages(value("pages-" + code))))
                .toList();
        return new IntakeRequest(
                text("procedure"),
                parse(ServiceForm.class, value("serviceForm")),
                applicant(home),
                checked("filer")
                        ? new IntakeRequest.Filer(
                                text("filerName"),
                                parse(IdType.class, value("filerIdType")),
                                text("filerIdNumber"),
                                text("filerRelation"),
                                text("filerAuthorisation"))
                        : null,
                new IntakeRequest.Delivery(method, deliveryAddress, checked("postageOnDelivery") ? true : null),
                documents,
                checked("appointmentSlipByPost"),
                ServiceForm.RETURN_ONLY.name().equals(value("serviceForm")) ? text("agencyReference") : null,
                text("paymentMethod"));
    }

    /** The number typed goes as the chosen type's; with no type chosen, as a CCCD ({@code citizenId}). */
    private IntakeRequest.Applicant applicant(IntakeRequest.Address home) {
        IdType type = parse(IdType.class, value("idType"));
        String number = text("citizenId");
        return new IntakeRequest.Applicant(
                text("fullName"),
                type == null ? number : null,
                type,
                type == null ? null : number,
                text("phone"),
                text("email"),
                home);
    }

    private String text(String name) {
        return Text.blankToNull(value(name));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private static Integer pages(String given) {
        try {
            return Integer.valueOf(given.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The service's problems by the id of the input each is about (in the service's order, which is
     * the form's), {@code form} for one no input stands for. Read after {@link #toRequest}: a document's
     * index is its place among those sent.
     */
    Map<String, List<String>> inputsOf(List<FieldProblem> problems) {
        Map<String, List<String>> byInput = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            if (p.field().startsWith("delivery.address") && checked("sameAddress")) {
                continue; // the applicant's own address, whose problems are already beside its inputs
            }
            byInput.computeIfAbsent(inputOf(p.field()), k -> new ArrayList<>()).add(p.message());
        }
        return byInput;
    }

    String inputOf(String field) {
        Matcher m = COMPONENT.matcher(field);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            String code = i < components.size() ? components.get(i) : null;
            if (code == null) {
                return "components";
            }
            return (m.group(2).equals("code") ? "component" : m.group(2)) + "-" + code;
        }
        String input = INPUT_OF.getOrDefault(field, field);
        return FIELDS.contains(input) || BOXES.contains(input) || input.equals("components") ? input : "form";
    }
}
