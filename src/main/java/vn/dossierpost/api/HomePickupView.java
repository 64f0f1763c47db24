package vn.dossierpost.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A home pickup booking as staff see it; {@code documents} is the procedure's list, the checklist the
 * courier goes through at the door; {@code dossierCode} once the dossier was received.
 */
public record HomePickupView(
        String code,
        String state,
        String officeCode,
        String courier,
        String procedureCode,
        String procedureName,
        String applicantName,
        String phone,
        String email,
        String street,
        String communeCode,
        String communeName,
        LocalDate date,
        String window,
        String windowText,
        int failedVisits,
        String lastFailure,
        String dossierCode,
        List<ProcedureView.Document> documents) {}
