package vn.dossierpost.domain;

/** One line of the fee receipt, amount in VND. */
public record FeeItem(String code, String labelVi, String labelEn, long amount) {}
