package vn.dossierpost.domain;

/** What a user may do; each user is bound to one post office or one agency (DESIGN.md). */
public enum Role {
    COUNTER("Giao dịch viên"),
    COURIER("Bưu tá"),
    AGENCY("Cán bộ cơ quan"),
    SUPERVISOR("Kiểm soát viên"),
    ADMIN("Quản trị hệ thống");

    private final String labelVi;

    Role(String labelVi) {
        this.labelVi = labelVi;
    }

    /** The role as the pages name it. */
    public String labelVi() {
        return labelVi;
    }

    public boolean needsOffice() {
        return this == COUNTER || this == COURIER;
    }

    public boolean needsAgency() {
        return this == AGENCY;
    }
}
