package vn.dossierpost.web.counter;

import java.util.List;
import vn.dossierpost.api.ProcedureView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.DocumentForm;
import vn.dossierpost.web.Page;

/**
 * The guidance sheet handed to the citizen: the procedure, its agency, the documents (original or copy),
 * the fees and the time it takes; the documents the clerk ticks as brought, and those still to bring.
 */
public final class GuidancePage extends Page {
    public record Doc(String code, String name, String form, boolean required, boolean brought) {}

    private final ProcedureView procedure;
    private final ProcedureFees fees;
    private final List<Doc> documents;

    GuidancePage(WebSession session, ProcedureView procedure, ProcedureFees fees, List<String> brought) {
        super("counter/guidance.ftlh", "Hướng dẫn hồ sơ: " + procedure.name());
        signedIn(session);
        this.procedure = procedure;
        this.fees = fees;
        this.documents = procedure.components().stream()
                .map(d -> new Doc(
                        d.code(),
                        d.name(),
                        DocumentForm.valueOf(d.form()).labelVi(),
                        d.required(),
                        brought != null && brought.contains(d.code())))
                .toList();
    }

    public ProcedureView getProcedure() {
        return procedure;
    }

    public ProcedureFees getFees() {
        return fees;
    }

    public List<Doc> getDocuments() {
        return documents;
    }

    /** Not brought yet: the required ones the dossier cannot go without, then those needed only in some cases. */
    public List<Doc> getMissing() {
        return documents.stream()
                .filter(d -> !d.brought())
                .sorted((a, b) -> Boolean.compare(b.required(), a.required()))
                .toList();
    }

    public String getIntakeLink() {
        StringBuilder link = new StringBuilder("/counter/tiep-nhan?thu-tuc=").append(procedure.code());
        documents.stream().filter(Doc::brought).forEach(d -> link.append("&co=").append(d.code()));
        return link.toString();
    }
}
