package vn.dossierpost.domain;

/** How the applicant paid at the counter, as printed on the consignment slip. */
public enum PaymentMethod {
    CASH("Tiền mặt / Cash"),
    /** A bank transfer of any kind, as recorded before VietQR was offered at the counter. */
    TRANSFER("Chuyển khoản / Bank transfer"),
    /** A bank transfer by scanning the dossier's VietQR code: confirmed by the bank's callback. */
    VIETQR("Chuyển khoản VietQR / VietQR transfer"),
    CARD("Thẻ / Card");

    private final String label;

    PaymentMethod(String label) {
        this.label = label;
    }

    /** Vietnamese and English, as on the slip. */
    public String label() {
        return label;
    }
}
