package vn.dossierpost.api;

import java.util.List;
import vn.dossierpost.domain.PaymentMethod;

/** Fees in VND, itemised as on the receipt; {@code dueOnDelivery} of the total is collected when the result is delivered. */
public record FeesView(
        List<Item> items,
        long postage,
        long governmentFee,
        long total,
        long dueOnDelivery,
        long paidAtCounter,
        PaymentMethod paymentMethod) {
    public record Item(String code, String labelVi, String labelEn, long amount) {}
}
