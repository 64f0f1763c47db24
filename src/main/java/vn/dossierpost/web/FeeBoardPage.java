package vn.dossierpost.web;

import java.util.Arrays;
import java.util.List;
import vn.dossierpost.api.ProcedureView;
import vn.dossierpost.domain.DocumentForm;
import vn.dossierpost.domain.Leg;
import vn.dossierpost.domain.RouteClass;
import vn.dossierpost.domain.Tariff;
import vn.dossierpost.pdf.SlipText;

/**
 * The public fee board (the list the counter must post): every procedure open to the post with its
 * documents and government fee, and the postage of each leg per route class.
 */
public final class FeeBoardPage extends Page {
    public record Document(String name, String form, boolean required) {}

    public record Procedure(
            String code,
            String name,
            String agency,
            int processingDays,
            String governmentFee,
            List<Document> documents) {}

    public record Postage(String routeClass, String outbound, String back) {}

    private final List<Procedure> procedures;
    private final List<Postage> postage;
    private final String query;

    FeeBoardPage(List<ProcedureView> procedures, Tariff tariff, String query) {
        super("public/fees.ftlh", "Bảng phí dịch vụ bưu chính công ích");
        this.query = query == null ? "" : query.strip();
        this.procedures = procedures.stream()
                .filter(ProcedureView::postalAllowed)
                .map(FeeBoardPage::procedure)
                .toList();
        this.postage = Arrays.stream(RouteClass.values())
                .map(r -> new Postage(
                        r.labelVi(),
                        SlipText.vnd(tariff.postage(r, Leg.OUTBOUND)),
                        SlipText.vnd(tariff.postage(r, Leg.RETURN))))
                .toList();
    }

    private static Procedure procedure(ProcedureView p) {
        return new Procedure(
                p.code(),
                p.name(),
                p.agencyName(),
                p.processingDays(),
                p.governmentFee() == 0 ? "Miễn phí" : SlipText.vnd(p.governmentFee()),
                p.components().stream()
                        .map(d -> new Document(
                                d.name(), DocumentForm.valueOf(d.form()).labelVi(), d.required()))
                        .toList());
    }

    public List<Procedure> getProcedures() {
        return procedures;
    }

    public List<Postage> getPostage() {
        return postage;
    }

    /** What the procedures were filtered by ("" for all). */
    public String getQuery() {
        return query;
    }
}
