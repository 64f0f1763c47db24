package vn.dossierpost.domain;

/** How the applicant paid at the counter, as printed on the consignment slip. */
public enum PaymentMethod {
    CASH("Tiền mặt / Cash"),
    TRANSFER("Chuyển khoản / Bank transfer"),
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
