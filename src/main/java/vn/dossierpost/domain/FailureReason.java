package vn.dossierpost.domain;

/** Why a delivery attempt failed, as the courier records it (shown to the public with UPU event EMH). */
public enum FailureReason {
    NOT_AT_HOME("Người nhận vắng nhà", "Recipient not at home"),
    WRONG_ADDRESS("Sai hoặc không tìm thấy địa chỉ", "Wrong or unknown address"),
    REFUSED("Người nhận từ chối nhận", "Refused by the recipient"),
    MOVED("Người nhận đã chuyển đi", "Recipient has moved"),
    OTHER("Lý do khác", "Other reason");

    private final String labelVi;
    private final String labelEn;

    FailureReason(String labelVi, String labelEn) {
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
