package vn.dossierpost.web.counter;

import java.util.List;
import vn.dossierpost.api.ProcedureView;
import vn.dossierpost.domain.FeeCalculator;
import vn.dossierpost.domain.FeeItem;
import vn.dossierpost.pdf.SlipText;
import vn.dossierpost.service.counter.IntakeQuote;

/**
 * What a procedure costs at this counter, as the guidance shows it: the government fee, the postage of
 * each leg for the route from the clerk's office to the agency, the total, and the expected dates.
 * Null amounts where the post does not take the procedure (the citizen must go in person).
 */
public record ProcedureFees(
        String governmentFee,
        String postageOut,
        String postageBack,
        String total,
        String route,
        String resultAppointment,
        String returnBy) {

    static ProcedureFees of(ProcedureView p, IntakeQuote quote) {
        String fee = p.governmentFee() == 0 ? "Miễn phí" : SlipText.vnd(p.governmentFee());
        if (quote == null || quote.fees() == null) {
            return new ProcedureFees(fee, null, null, null, null, null, null);
        }
        List<FeeItem> items = quote.fees().items();
        return new ProcedureFees(
                fee,
                amount(items, FeeCalculator.POSTAGE_OUTBOUND),
                amount(items, FeeCalculator.POSTAGE_RETURN),
                SlipText.vnd(quote.fees().total()),
                quote.routeClass().labelVi(),
                Checklist.day(quote.dueDates().resultAppointment()),
                Checklist.day(quote.dueDates().returnBy()));
    }

    private static String amount(List<FeeItem> items, String code) {
        return items.stream()
                .filter(i -> i.code().equals(code))
                .findFirst()
                .map(i -> SlipText.vnd(i.amount()))
                .orElse(null);
    }
}
