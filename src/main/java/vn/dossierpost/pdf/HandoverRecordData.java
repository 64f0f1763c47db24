package vn.dossierpost.pdf;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Everything printed on a handover record ("Biên bản giao nhận hồ sơ", QĐ 45/2016/QĐ-TTg Art. 7):
 * the dossiers the post hands to one agency in one handover. As in {@link SlipData}, enumerations
 * travel as their names so that this package does not depend on the domain model.
 *
 * @param handoverNumber e.g. {@code BG261122-000042}
 * @param acknowledgedAt when the agency acknowledged receipt of the handover (the official filing
 *                       time); null while it has not
 * @param channel        {@code HTTP}, {@code FILE_DROP} or {@code SFTP}
 * @param state          {@code SENDING}, {@code SENT}, {@code DELIVERED} or {@code FAILED}
 * @param postUnit       the handing-over postal unit, e.g. "Bưu điện thành phố Hà Nội"
 */
public record HandoverRecordData(
        String handoverNumber,
        OffsetDateTime createdAt,
        OffsetDateTime acknowledgedAt,
        String channel,
        String state,
        String postUnit,
        Agency agency,
        List<Line> lines) {

    public HandoverRecordData {
        Objects.requireNonNull(handoverNumber, "handoverNumber");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(postUnit, "postUnit");
        Objects.requireNonNull(agency, "agency");
        lines = List.copyOf(lines);
    }

    /** The receiving agency; {@code address} may be null. */
    public record Agency(String code, String name, String address) {

        public Agency {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * One dossier of the handover.
     *
     * @param documents     number of components (documents) listed on the slip
     * @param files         number of scanned files sent
     * @param bytes         total size of those files
     * @param complete      whether the dossier was found complete when counted
     * @param note          what is missing or otherwise remarkable; may be null
     * @param receiptNumber the agency's receipt number; null until the agency has given one
     * @param receivedAt    when the agency received this dossier; may be null
     */
    public record Line(
            String dossierCode,
            String s10Number,
            String procedureName,
            String applicantName,
            int documents,
            int files,
            long bytes,
            boolean complete,
            String note,
            String receiptNumber,
            OffsetDateTime receivedAt) {

        public Line {
            Objects.requireNonNull(dossierCode, "dossierCode");
            Objects.requireNonNull(s10Number, "s10Number");
            Objects.requireNonNull(procedureName, "procedureName");
            Objects.requireNonNull(applicantName, "applicantName");
        }
    }

    public int totalDocuments() {
        return lines.stream().mapToInt(Line::documents).sum();
    }

    public int totalFiles() {
        return lines.stream().mapToInt(Line::files).sum();
    }

    public long totalBytes() {
        return lines.stream().mapToLong(Line::bytes).sum();
    }

    public int incompleteCount() {
        return (int) lines.stream().filter(l -> !l.complete()).count();
    }
}
