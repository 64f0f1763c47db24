package vn.dossierpost.domain;

/** Whether a component document is an original ("bản chính") or a copy ("bản sao"). */
public enum DocumentForm {
    ORIGINAL("Bản chính", "Original"),
    COPY("Bản sao", "Copy");

    private final String labelVi;
    private final String labelEn;

    DocumentForm(String labelVi, String labelEn) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    /** An original satisfies a requirement for an original or a copy; a copy only one for a copy. */
    public boolean satisfies(DocumentForm required) {
        return this == ORIGINAL || required == COPY;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }
}
