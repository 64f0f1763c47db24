package vn.dossierpost.web.counter;

import vn.dossierpost.api.DeliveryView;
import vn.dossierpost.domain.DeliveryMethod;
import vn.dossierpost.domain.DossierStatus;

/**
 * A return item as the counter's lists print it. {@code assignable}: a home delivery not out nor held,
 * which the clerk may give to a courier (the service still decides); {@code returnable}: held and past
 * its holding time, so the return to the agency is open.
 */
public record ItemLine(
        String s10,
        String code,
        String status,
        String statusLabel,
        boolean home,
        boolean arrived,
        String recipient,
        String phone,
        String address,
        String courier,
        long amountDue,
        String heldUntil,
        boolean assignable,
        boolean returnable) {

    static ItemLine of(DeliveryView v, boolean returnable) {
        boolean home = v.method() == DeliveryMethod.HOME;
        String address = v.recipient().street() == null
                ? v.recipient().communeName()
                : v.recipient().street()
                        + (v.recipient().communeName() == null
                                ? ""
                                : ", " + v.recipient().communeName());
        return new ItemLine(
                v.s10Number(),
                v.dossierCode(),
                v.status().name(),
                v.statusLabelVi(),
                home,
                v.arrivedAt() != null,
                v.recipient().name(),
                v.recipient().phone(),
                address,
                v.courier(),
                v.amountDue(),
                Checklist.day(v.heldUntil()),
                home && (v.status() == DossierStatus.RESULT_COLLECTED || v.status() == DossierStatus.DELIVERY_FAILED),
                returnable);
    }

    public boolean held() {
        return status.equals(DossierStatus.HELD_AT_OFFICE.name());
    }
}
