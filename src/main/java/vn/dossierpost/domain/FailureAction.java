package vn.dossierpost.domain;

/** What the courier proposes after a failed attempt; {@link DeliveryRules} decides what happens. */
public enum FailureAction {
    RETRY("Phát lại", "Deliver again"),
    HOLD_AT_OFFICE("Lưu tại bưu cục, mời người nhận đến nhận", "Hold at the post office for collection"),
    RETURN("Chuyển hoàn kết quả về cơ quan", "Return to the agency");

    private final String labelVi;
    private final String labelEn;

    FailureAction(String labelVi, String labelEn) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }
}
