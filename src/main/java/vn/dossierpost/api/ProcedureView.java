package vn.dossierpost.api;

import java.util.List;

/**
 * A procedure with the documents the counter must check (name, original or copy, required);
 * {@code proxyAllowed}: someone else may file it on the applicant's behalf;
 * {@code feeRefundableOnRefusal}: the government fee goes back if the agency refuses the dossier.
 */
public record ProcedureView(
        String code,
        String name,
        String nameEn,
        String agencyCode,
        String agencyName,
        int processingDays,
        long governmentFee,
        boolean postalAllowed,
        String legalBasis,
        List<Document> components,
        boolean proxyAllowed,
        boolean feeRefundableOnRefusal) {
    public record Document(String code, String name, String form, boolean required) {}
}
