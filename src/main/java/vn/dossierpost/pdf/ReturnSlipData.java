package vn.dossierpost.pdf;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Everything printed on a return slip ("Phiếu gửi kết quả", QĐ 45/2016/QĐ-TTg Art. 9): the slip
 * the clerk and the agency officer sign when the result of a procedure, or a refusal notice, is
 * collected at the agency and sealed for delivery to the applicant. As in {@link SlipData},
 * enumerations travel as their names; amounts are whole Vietnamese đồng.
 *
 * @param returnS10Number      the item number of the return leg, printed as text and barcode
 * @param outboundS10Number    the item the dossier went out as; null for a return-only service
 * @param kind                 {@code RESULT} or {@code REFUSAL}: a refusal notice travels the
 *                             same way as a result, under another title
 * @param resultReference      the agency's number of the result or notice; may be null
 * @param agency               the sender on this leg
 * @param recipient            the applicant; for pick-up, the address names the office
 * @param deliveryMethod       {@code HOME} or {@code PICKUP_AT_OFFICE}
 * @param collectingOffice     the office whose clerk collected at the agency
 * @param deliveringOffice     the office that delivers, or holds the item for pick-up
 * @param amountDueOnDelivery  to collect from the recipient on delivery; 0 if none
 * @param governmentFeeRemitted fee paid to the agency at this collection; 0 if none
 * @param collectedBy          the clerk who collected
 * @param agencyOfficer        the officer who handed over; null leaves the line to be written in
 * @param trackingUrl          encoded in the QR code
 */
public record ReturnSlipData(
        String returnS10Number,
        String dossierCode,
        String outboundS10Number,
        String procedureName,
        String kind,
        String resultReference,
        SlipData.Party agency,
        SlipData.Party recipient,
        String deliveryMethod,
        SlipData.PostOffice collectingOffice,
        SlipData.PostOffice deliveringOffice,
        List<Item> items,
        long amountDueOnDelivery,
        long governmentFeeRemitted,
        OffsetDateTime collectedAt,
        String collectedBy,
        String agencyOfficer,
        String trackingUrl) {

    public ReturnSlipData {
        Objects.requireNonNull(returnS10Number, "returnS10Number");
        Objects.requireNonNull(dossierCode, "dossierCode");
        Objects.requireNonNull(procedureName, "procedureName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(agency.name(), "agency.name");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(recipient.name(), "recipient.name");
        Objects.requireNonNull(deliveryMethod, "deliveryMethod");
        Objects.requireNonNull(collectingOffice, "collectingOffice");
        Objects.requireNonNull(deliveringOffice, "deliveringOffice");
        Objects.requireNonNull(collectedAt, "collectedAt");
        Objects.requireNonNull(collectedBy, "collectedBy");
        Objects.requireNonNull(trackingUrl, "trackingUrl");
        // The title depends on the kind: an unknown one must not pass for a result.
        if (!kind.equals("RESULT") && !kind.equals("REFUSAL")) {
            throw new IllegalArgumentException("kind must be RESULT or REFUSAL: " + kind);
        }
        items = List.copyOf(items);
        // Both signatures attest the contents of the sealed envelope: it cannot be empty.
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a return slip lists at least one item");
        }
        if (amountDueOnDelivery < 0) {
            throw new IllegalArgumentException("amountDueOnDelivery < 0: " + amountDueOnDelivery);
        }
        if (governmentFeeRemitted < 0) {
            throw new IllegalArgumentException("governmentFeeRemitted < 0: " + governmentFeeRemitted);
        }
    }

    public boolean refusal() {
        return kind.equals("REFUSAL");
    }

    /**
     * One thing in the envelope.
     *
     * @param kind {@code RESULT} (the result itself) or {@code ORIGINAL_RETURNED} (an original the
     *             applicant lent to the agency, now given back)
     */
    public record Item(String name, String kind, int copies) {

        public Item {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            if (copies < 1) {
                throw new IllegalArgumentException("copies < 1: " + copies);
            }
        }
    }
}
