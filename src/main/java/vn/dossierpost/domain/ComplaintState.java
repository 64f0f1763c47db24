package vn.dossierpost.domain;

import java.util.Set;

/** Where a complaint stands: received, being investigated, then answered or withdrawn (both final). */
public enum ComplaintState {
    RECEIVED("Đã tiếp nhận"),
    INVESTIGATING("Đang xác minh"),
    ANSWERED("Đã trả lời"),
    WITHDRAWN("Đã rút");

    private final String labelVi;

    ComplaintState(String labelVi) {
        this.labelVi = labelVi;
    }

    public String labelVi() {
        return labelVi;
    }

    public boolean isOpen() {
        return this == RECEIVED || this == INVESTIGATING;
    }

    /** The moves a complaint may make from here. */
    public Set<ComplaintState> allowedNext() {
        return switch (this) {
            case RECEIVED -> Set.of(INVESTIGATING, ANSWERED, WITHDRAWN);
            case INVESTIGATING -> Set.of(ANSWERED, WITHDRAWN);
            case ANSWERED, WITHDRAWN -> Set.of();
        };
    }
}
