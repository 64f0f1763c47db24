package vn.dossierpost.web.counter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import vn.dossierpost.api.ProcedureView;
import vn.dossierpost.domain.DocumentForm;
import vn.dossierpost.pdf.SlipText;
import vn.dossierpost.service.counter.IntakeQuote;

/**
 * The live part of the intake form: the chosen procedure's documents as check boxes, the required ones
 * still missing and the fee quote, all from {@link IntakeQuote} (the service's own checks and prices).
 * htmx asks for it again whenever the clerk changes the form.
 */
public final class Checklist {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A document of the procedure with what the clerk set for it. */
    public record Doc(
            String code,
            String name,
            String requiredForm,
            String requiredFormLabel,
            boolean required,
            boolean ticked,
            String form,
            String pages) {}

    public record Line(String label, String amount) {}

    /** The quote as shown: amounts like 228.000 đ, dates dd/MM/yyyy (null where the form has no such step). */
    public record Quote(
            List<Line> items,
            String total,
            String paidAtCounter,
            String dueOnDelivery,
            String route,
            String acceptanceDay,
            String handoverBy,
            String resultAppointment,
            String returnBy,
            String paymentMethod,
            boolean acceptable,
            int problems) {}

    private final ProcedureView procedure;
    private final List<Doc> documents;
    private final List<Doc> missing;
    private final Quote quote;
    private final Map<String, List<String>> errors;

    Checklist(ProcedureView procedure, IntakeForm form, IntakeQuote quote, Map<String, List<String>> errors) {
        this.procedure = procedure;
        this.documents = procedure == null
                ? List.of()
                : procedure.components().stream()
                        .map(d -> new Doc(
                                d.code(),
                                d.name(),
                                d.form(),
                                DocumentForm.valueOf(d.form()).labelVi(),
                                d.required(),
                                form.ticked(d.code()),
                                form.value("form-" + d.code()).isEmpty() ? d.form() : form.value("form-" + d.code()),
                                form.value("pages-" + d.code()).isEmpty() ? "1" : form.value("pages-" + d.code())))
                        .toList();
        this.missing = quote == null
                ? List.of()
                : documents.stream()
                        .filter(d ->
                                quote.missing().stream().anyMatch(m -> m.code().equals(d.code())))
                        .toList();
        this.quote = quote == null || quote.fees() == null ? null : quote(quote);
        this.errors = errors;
    }

    private static Quote quote(IntakeQuote q) {
        return new Quote(
                q.fees().items().stream()
                        .map(i -> new Line(i.labelVi(), SlipText.vnd(i.amount())))
                        .toList(),
                SlipText.vnd(q.fees().total()),
                SlipText.vnd(q.paidAtCounter()),
                q.dueOnDelivery() == 0 ? null : SlipText.vnd(q.dueOnDelivery()),
                q.routeClass().labelVi(),
                day(q.dueDates().acceptanceDay()),
                day(q.dueDates().handoverBy()),
                day(q.dueDates().resultAppointment()),
                day(q.dueDates().returnBy()),
                q.paymentMethod() == null ? null : q.paymentMethod().label().replaceFirst(" / .*", ""),
                q.acceptable(),
                q.problems().size());
    }

    static String day(LocalDate d) {
        return d == null ? null : DAY.format(d);
    }

    public ProcedureView getProcedure() {
        return procedure;
    }

    public List<Doc> getDocuments() {
        return documents;
    }

    public List<Doc> getMissing() {
        return missing;
    }

    public Quote getQuote() {
        return quote;
    }

    /** Messages beside the input of that id ({@code components}, {@code pages-TO_KHAI}…); none for a live refresh. */
    public List<String> errors(String input) {
        return errors.getOrDefault(input, List.of());
    }
}
