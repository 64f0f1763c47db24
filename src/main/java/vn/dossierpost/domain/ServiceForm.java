package vn.dossierpost.domain;

/** What the post does for a dossier (Decision 45/2016/QĐ-TTg Art. 5). */
public enum ServiceForm {
    SEND_ONLY(true, false, "Gửi hồ sơ", "Send the dossier"),
    SEND_AND_RETURN(true, true, "Gửi hồ sơ và nhận kết quả", "Send the dossier and return the result"),
    RETURN_ONLY(false, true, "Nhận kết quả", "Return the result");

    private final boolean sends;
    private final boolean returns;
    private final String labelVi;
    private final String labelEn;

    ServiceForm(boolean sends, boolean returns, String labelVi, String labelEn) {
        this.sends = sends;
        this.returns = returns;
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    /** The post carries the dossier to the agency (outbound leg). */
    public boolean sends() {
        return sends;
    }

    /** The post carries the result back to the applicant (return leg). */
    public boolean returns() {
        return returns;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }
}
