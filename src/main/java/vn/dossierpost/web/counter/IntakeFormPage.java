package vn.dossierpost.web.counter;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import vn.dossierpost.api.CommuneView;
import vn.dossierpost.api.ProcedureView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.PaymentMethod;
import vn.dossierpost.domain.ServiceForm;
import vn.dossierpost.web.Page;

/** The intake form ({@code /counter/tiep-nhan}): empty, or sent back with every problem beside its input. */
public final class IntakeFormPage extends Page {
    public record Option(String value, String label) {}

    /** A problem in the list above the form, linking to its input. */
    public record Problem(String input, String message) {}

    private final IntakeForm form;
    private final List<ProcedureView> procedures;
    private final Checklist checklist;
    private final Map<String, List<String>> errors;
    private final CommuneView commune;
    private final CommuneView deliveryCommune;

    IntakeFormPage(
            WebSession session,
            IntakeForm form,
            List<ProcedureView> procedures,
            Checklist checklist,
            Map<String, List<String>> errors,
            CommuneView commune,
            CommuneView deliveryCommune) {
        super("counter/intake.ftlh", "Tiếp nhận hồ sơ");
        signedIn(session);
        this.form = form;
        this.procedures = procedures;
        this.checklist = checklist;
        this.errors = errors;
        this.commune = commune;
        this.deliveryCommune = deliveryCommune;
    }

    public IntakeForm getForm() {
        return form;
    }

    public List<ProcedureView> getProcedures() {
        return procedures;
    }

    public Checklist getChecklist() {
        return checklist;
    }

    public List<String> errors(String input) {
        return errors.getOrDefault(input, List.of());
    }

    public List<Problem> getProblems() {
        return errors.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(m -> new Problem(e.getKey(), m)))
                .toList();
    }

    /** The commune picked, shown by name in the search box when the form comes back. */
    public String communeLabel(String which) {
        CommuneView c = which.equals("delivery") ? deliveryCommune : commune;
        String typed = form.value(which.equals("delivery") ? "deliveryCommuneName" : "communeName");
        return c == null ? typed : CommunePages.label(c);
    }

    /** The input with the cursor: the first with a problem, else the first to fill. */
    public String getAutofocus() {
        if (!errors.isEmpty()) {
            String first = errors.keySet().iterator().next();
            return switch (first) {
                case "form" -> "procedure";
                case "components" ->
                    checklist.getDocuments().isEmpty()
                            ? "procedure"
                            : "component-" + checklist.getDocuments().get(0).code();
                case "communeCode" -> "commune-search";
                case "deliveryCommuneCode" -> "delivery-commune-search";
                default -> first;
            };
        }
        return form.procedure().isEmpty() ? "procedure" : "fullName";
    }

    public List<Option> getServiceForms() {
        return Arrays.stream(ServiceForm.values())
                .map(f -> new Option(f.name(), f.labelVi()))
                .toList();
    }

    public List<Option> getDeliveryMethods() {
        return List.of(new Option("HOME", "Phát tận nhà"), new Option("PICKUP_AT_OFFICE", "Nhận tại bưu cục"));
    }

    public List<Option> getIdTypes() {
        return List.of(
                new Option("CCCD", "CCCD"), new Option("PASSPORT", "Hộ chiếu"), new Option("TAX_CODE", "Mã số thuế"));
    }

    /** A filer is a person: CCCD or passport. */
    public List<Option> getFilerIdTypes() {
        return getIdTypes().subList(0, 2);
    }

    public List<Option> getPaymentMethods() {
        return Arrays.stream(PaymentMethod.values())
                .map(m -> new Option(m.name(), m.label().replaceFirst(" / .*", "")))
                .toList();
    }
}
