package vn.dossierpost.service.counter;

import java.util.List;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.api.ProcedureView;
import vn.dossierpost.domain.DueDates;
import vn.dossierpost.domain.Fees;
import vn.dossierpost.domain.PaymentMethod;
import vn.dossierpost.domain.RouteClass;

/**
 * What an intake would give, worked out by the same checks and the same price and due-date code as
 * the intake itself, without storing anything: the clerk tells the citizen the price and the dates
 * before taking the money. {@code fees} (and the route, the dates) are null until the procedure and
 * the service form are known; {@code missing} lists the procedure's required documents not brought;
 * {@code problems} is empty when the intake would be accepted as it is.
 */
public record IntakeQuote(
        Fees fees,
        long dueOnDelivery,
        PaymentMethod paymentMethod,
        RouteClass routeClass,
        DueDates dueDates,
        List<ProcedureView.Document> missing,
        List<FieldProblem> problems) {

    public IntakeQuote {
        missing = List.copyOf(missing);
        problems = List.copyOf(problems);
    }

    /** Whether the dossier, as it is, would be taken in. */
    public boolean acceptable() {
        return problems.isEmpty();
    }

    /** What the applicant pays at the counter now (the total less what is collected on delivery). */
    public long paidAtCounter() {
        return fees == null ? 0 : fees.total() - dueOnDelivery;
    }
}
