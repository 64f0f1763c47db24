package vn.dossierpost.api;

import java.util.List;
import vn.dossierpost.db.CatalogueDAO.ProcedureRow;
import vn.dossierpost.service.catalogue.ReferenceData;

/** A procedure with the documents the counter must check (name, original or copy, required). */
public record ProcedureView(String code, String name, String nameEn, String agencyCode, String agencyName,
                            int processingDays, long governmentFee, boolean postalAllowed, String legalBasis,
                            List<Document> components) {
    public record Document(String code, String name, String form, boolean required) {}

    public static ProcedureView of(ProcedureRow p, ReferenceData ref) {
        return new ProcedureView(p.code(), p.name(), p.nameEn(), p.agencyCode(),
                ref.agency(p.agencyCode()).map(a -> a.name()).orElse(null), p.processingDays(), p.governmentFee(),
                p.postalAllowed(), p.legalBasis(),
                ref.components(p.code()).stream().map(c -> new Document(c.code(), c.name(), c.form(), c.required())).toList());
    }
}
