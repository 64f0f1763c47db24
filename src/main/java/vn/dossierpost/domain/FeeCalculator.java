package vn.dossierpost.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Itemises what the applicant pays at the counter: postage for each leg the service form uses,
 * and the government fee collected on behalf of the agency (Decision 45/2016 Art. 11).
 *
 * <p>For RETURN_ONLY no government fee is collected (it was paid where the applicant applied), so
 * any amount passed is ignored. A government fee of 0 (a free procedure) gives no line.
 */
public final class FeeCalculator {

    public static final String POSTAGE_OUTBOUND = "POSTAGE_OUTBOUND";
    public static final String POSTAGE_RETURN = "POSTAGE_RETURN";
    public static final String GOVERNMENT_FEE = "GOVERNMENT_FEE";

    private FeeCalculator() {}

    public static Fees itemise(ServiceForm form, RouteClass routeClass, Tariff tariff, long governmentFee) {
        if (governmentFee < 0) {
            throw new InvalidValueException("government fee must be 0 or more VND");
        }
        List<FeeItem> items = new ArrayList<>();
        long postage = 0;
        if (form.sends()) {
            long amount = tariff.postage(routeClass, Leg.OUTBOUND);
            items.add(new FeeItem(
                    POSTAGE_OUTBOUND, "Cước chuyển hồ sơ đến cơ quan", "Postage: dossier to the agency", amount));
            postage += amount;
        }
        if (form.returns()) {
            long amount = tariff.postage(routeClass, Leg.RETURN);
            items.add(
                    new FeeItem(POSTAGE_RETURN, "Cước chuyển trả kết quả", "Postage: result to the applicant", amount));
            postage += amount;
        }
        long fee = form.sends() ? governmentFee : 0;
        if (fee > 0) {
            items.add(new FeeItem(
                    GOVERNMENT_FEE,
                    "Phí, lệ phí thu hộ cơ quan giải quyết",
                    "Government fee collected for the agency",
                    fee));
        }
        return new Fees(items, postage, fee, Math.addExact(postage, fee));
    }

    /** The return leg's postage among the items (0 when the form has no return leg). */
    public static long returnPostage(Fees fees) {
        return fees.items().stream()
                .filter(i -> i.code().equals(POSTAGE_RETURN))
                .mapToLong(FeeItem::amount)
                .sum();
    }
}
