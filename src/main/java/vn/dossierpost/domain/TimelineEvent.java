package vn.dossierpost.domain;

/**
 * Timeline entries that are not a change of status (those carry the {@link DossierStatus} name).
 * The names are stored in {@code dossier_event.type}; staff read the labels. The public sees
 * {@link #TRANSFERRED_TO_DELIVERY_OFFICE}, {@link #ARRIVED_AT_DELIVERY_OFFICE} (the UPU event EMG) and
 * a lost or damaged item, in plain words.
 */
public enum TimelineEvent {
    /** A scan added to one of the dossier's documents. */
    FILE_ADDED("Thêm tệp quét", "Scan added"),
    /** A stored scan no longer matches its SHA-256 (the fixity check). */
    FIXITY_FAILED("Tệp quét bị hỏng", "Scan failed its integrity check"),
    /** Intact bytes of a damaged scan were uploaded again. */
    FIXITY_REPAIRED("Đã khôi phục tệp quét", "Scan repaired"),
    /** The documents the agency asked for are scanned; the dossier goes back to it. */
    SUPPLEMENT_RECEIVED("Đã nhận hồ sơ bổ sung", "Supplement received"),
    /** The applicant's contact details or delivery address corrected before handover: staff only (old and new values). */
    CORRECTED("Sửa thông tin liên hệ", "Contact details corrected"),
    /** The agency refused the dossier for good, or the handover was given up: a dead letter. */
    HANDOVER_FAILED("Bàn giao không thành công", "Handover failed"),
    /** The agency gave one new appointment date (form 04). */
    DELAYED("Cơ quan hẹn lại ngày trả kết quả", "New appointment date"),
    /** The agency's new appointment came later than the law allows before the old one ({@link LateNotice}). */
    LATE_DELAY_NOTICE("Báo muộn: cơ quan hẹn lại sát ngày hẹn cũ", "Late notice: new appointment given too late"),
    /** The agency's supplement request came after the working days allowed from its receipt: its fault. */
    LATE_SUPPLEMENT_REQUEST(
            "Yêu cầu bổ sung quá hạn (lỗi của cơ quan)", "Supplement requested too late (the agency's fault)"),
    /**
     * The result goes to the office serving the delivery address, not the one that took the dossier in:
     * public, in the citizen's words, with the delivering office as its place (no UPU event fits).
     */
    TRANSFERRED_TO_DELIVERY_OFFICE(
            "Chuyển kết quả đến bưu cục phát gần địa chỉ nhận",
            "Sent on to the office delivering to the address",
            null,
            true),
    ARRIVED_AT_DELIVERY_OFFICE("Đã đến bưu cục phát", "Arrived at the delivery office", "EMG", true),
    ASSIGNED_TO_COURIER("Đã giao cho bưu tá", "Assigned to a courier"),
    /** An agency's event kept on the timeline without changing anything: stale, or refused with 409. */
    AGENCY_RECEIVED("Cơ quan báo đã nhận (không áp dụng)", "Agency: received (not applied)"),
    AGENCY_IN_PROCESSING("Cơ quan báo đang giải quyết (không áp dụng)", "Agency: in processing (not applied)"),
    AGENCY_SUPPLEMENT_REQUESTED(
            "Cơ quan yêu cầu bổ sung (không áp dụng)", "Agency: supplement requested (not applied)"),
    AGENCY_REFUSED("Cơ quan báo từ chối (không áp dụng)", "Agency: refused (not applied)"),
    AGENCY_DELAYED("Cơ quan báo hẹn lại (không áp dụng)", "Agency: delayed (not applied)"),
    AGENCY_RESULT_READY("Cơ quan báo có kết quả (không áp dụng)", "Agency: result ready (not applied)"),
    /** A complaint about the dossier recorded in the register; the note is its number (staff only). */
    COMPLAINT_RECEIVED("Tiếp nhận khiếu nại", "Complaint received"),
    COMPLAINT_ANSWERED("Đã trả lời khiếu nại", "Complaint answered"),
    /** The post lost or damaged the item it carried: the citizen reads it on the tracking page. */
    ITEM_LOST(
            "Bưu điện làm thất lạc bưu gửi; Bưu điện đang xác minh và sẽ bồi thường theo quy định",
            "The post lost the item; it is investigating and will pay compensation as the rules say",
            null,
            true),
    ITEM_DAMAGED(
            "Bưu gửi bị hư hỏng trong khi Bưu điện vận chuyển; Bưu điện sẽ bồi thường theo quy định",
            "The item was damaged while the post carried it; the post will pay compensation as the rules say",
            null,
            true);

    private final String labelVi;
    private final String labelEn;
    private final String upuEventCode;
    private final boolean isPublic;

    TimelineEvent(String labelVi, String labelEn) {
        this(labelVi, labelEn, null, false);
    }

    TimelineEvent(String labelVi, String labelEn, String upuEventCode, boolean isPublic) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
        this.upuEventCode = upuEventCode;
        this.isPublic = isPublic;
    }

    /** The entry for an agency's event that was kept but not applied. */
    public static TimelineEvent notApplied(AgencyEventType type) {
        return valueOf("AGENCY_" + type.name());
    }

    /** The staff's entry for an agency's notice applied but flagged late. */
    public static TimelineEvent of(LateNotice late) {
        return valueOf(late.name());
    }

    /** Whether the public tracking page shows this entry. */
    public boolean isPublic() {
        return isPublic;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }

    public String upuEventCode() {
        return upuEventCode;
    }
}
