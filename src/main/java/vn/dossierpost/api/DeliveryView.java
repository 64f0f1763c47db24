package vn.dossierpost.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import vn.dossierpost.domain.DeliveryMethod;
import vn.dossierpost.domain.DossierStatus;

/**
 * The return leg's item as staff and couriers see it: who receives it and where, what to collect
 * from them, the attempts so far and what comes next.
 */
public record DeliveryView(
        String s10Number,
        String dossierCode,
        DossierStatus status,
        String statusLabelVi,
        DeliveryMethod method,
        String officeCode,
        Recipient recipient,
        String courier,
        long amountDue,
        int failedAttempts,
        LocalDate nextAttemptFrom,
        LocalDate heldUntil,
        OffsetDateTime arrivedAt,
        OffsetDateTime finishedAt,
        String slip) {

    public record Recipient(String name, String phone, String street, String communeCode, String communeName) {}
}
