package vn.dossierpost.api;

import java.util.List;

/** Fees in VND, itemised as on the receipt. */
public record FeesView(List<Item> items, long postage, long governmentFee, long total, String paymentMethod) {
    public record Item(String code, String labelVi, String labelEn, long amount) {}
}
