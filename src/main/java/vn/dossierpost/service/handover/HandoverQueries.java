package vn.dossierpost.service.handover;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.HandoverView;
import vn.dossierpost.db.HandoverDAO;
import vn.dossierpost.db.HandoverDAO.HandoverRow;
import vn.dossierpost.db.HandoverDAO.ItemRow;
import vn.dossierpost.domain.HandoverItemState;
import vn.dossierpost.domain.HandoverState;
import vn.dossierpost.domain.User;
import vn.dossierpost.pdf.HandoverRecordData;
import vn.dossierpost.pdf.HandoverRecordPdf;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.service.catalogue.ReferenceDataCache;

/** Handovers as staff and agencies read them: lists, one with its dossiers, the record to print. */
public final class HandoverQueries {
    /** The list's pseudo-state for handovers whose acknowledgement is overdue. */
    public static final String NOT_ACKNOWLEDGED = "NOT_ACKNOWLEDGED";

    private final Jdbi jdbi;
    private final ReferenceDataCache referenceData;
    private final Clock clock;
    private final AcknowledgementDeadline ackDeadline;

    public HandoverQueries(
            Jdbi jdbi, ReferenceDataCache referenceData, Clock clock, AcknowledgementDeadline ackDeadline) {
        this.jdbi = jdbi;
        this.referenceData = referenceData;
        this.clock = clock;
        this.ackDeadline = ackDeadline;
    }

    /**
     * Handovers newest first, optionally of one state (FAILED: the dead letters; NOT_ACKNOWLEDGED: left
     * by file drop or SFTP and not acknowledged within the acknowledgement timeout) or one agency; an
     * agency's own only.
     */
    public HandoverView.Page list(User user, String state, String agency, Long before, int limit) {
        checkNational(user);
        String agencyCode = user.agencyCode() != null ? user.agencyCode() : agency;
        if (limit < 1 || limit > 500) {
            throw Problem.invalid("limit", "must be between 1 and 500");
        }
        boolean overdue = NOT_ACKNOWLEDGED.equals(state);
        HandoverState wanted = state == null || overdue
                ? null
                : Arrays.stream(HandoverState.values())
                        .filter(s -> s.name().equals(state))
                        .findFirst()
                        .orElseThrow(() -> Problem.invalid(
                                "state", "must be SENDING, SENT, DELIVERED, FAILED or " + NOT_ACKNOWLEDGED));
        OffsetDateTime sentBefore = ackDeadline.sentBefore();
        List<HandoverRow> rows = jdbi.withExtension(
                HandoverDAO.class,
                dao -> overdue
                        ? dao.notAcknowledged(sentBefore, agencyCode, before, limit + 1)
                        : dao.list(wanted, agencyCode, before, limit + 1));
        Long next = rows.size() > limit ? rows.get(limit - 1).id() : null;
        return new HandoverView.Page(
                rows.stream()
                        .limit(limit)
                        .map(r -> view(referenceData, r, List.of()))
                        .toList(),
                next);
    }

    /** One handover with its dossiers; an agency sees only its own. */
    public HandoverView get(User user, String no) {
        return jdbi.withHandle(h -> {
            HandoverDAO dao = h.attach(HandoverDAO.class);
            HandoverRow row = find(dao, user, no);
            return view(referenceData, row, dao.items(row.id()));
        });
    }

    /** The handover record ("Biên bản giao nhận hồ sơ") as a PDF; an agency gets only its own. */
    public byte[] recordPdf(User user, String no) {
        return new HandoverRecordPdf().render(recordData(user, no));
    }

    /** What the handover record PDF prints. */
    HandoverRecordData recordData(User user, String no) {
        return jdbi.withHandle(h -> {
            HandoverDAO dao = h.attach(HandoverDAO.class);
            HandoverRow row = find(dao, user, no);
            ReferenceData ref = referenceData.get();
            var agency = ref.agency(row.agencyCode()).orElseThrow();
            String province =
                    ref.province(agency.provinceCode()).map(p -> p.name()).orElse("");
            List<HandoverRecordData.Line> lines = dao.items(row.id()).stream()
                    .map(i -> new HandoverRecordData.Line(
                            i.dossierCode(),
                            i.s10Number(),
                            ref.procedure(i.procedureCode()).map(p -> p.name()).orElse(i.procedureCode()),
                            i.applicantName(),
                            i.components(),
                            i.files(),
                            i.bytes(),
                            i.complete(),
                            i.state() == HandoverItemState.FAILED ? i.lastError() : null,
                            i.receiptNumber(),
                            i.receivedAt()))
                    .toList();
            return new HandoverRecordData(
                    row.no(),
                    row.createdAt(),
                    row.deliveredAt(),
                    row.channel().name(),
                    row.state().name(),
                    "Bưu điện " + province,
                    new HandoverRecordData.Agency(agency.code(), agency.name(), agency.address()),
                    lines);
        });
    }

    /**
     * A handover carries dossiers of every office for one agency: only its agency and staff of
     * national reach read it (a clerk, or a supervisor bound to one office, would see other
     * offices' applicants).
     */
    static void checkNational(User user) {
        boolean allowed = switch (user.role()) {
            case AGENCY, ADMIN -> true;
            case SUPERVISOR -> user.officeCode() == null;
            case COUNTER, COURIER -> false;
        };
        if (!allowed) {
            throw Problem.forbidden("handovers hold dossiers of every post office; "
                    + "follow your office's dossiers under /api/dossiers");
        }
    }

    private static HandoverRow find(HandoverDAO dao, User user, String no) {
        checkNational(user);
        return dao.findByNo(no)
                .filter(r -> user.agencyCode() == null || user.agencyCode().equals(r.agencyCode()))
                .orElseThrow(() -> Problem.notFound("no handover numbered " + no));
    }

    static HandoverView view(ReferenceDataCache referenceData, HandoverRow r, List<ItemRow> items) {
        String agencyName =
                referenceData.get().agency(r.agencyCode()).map(a -> a.name()).orElse(null);
        return new HandoverView(
                r.no(),
                new HandoverView.Ref(r.agencyCode(), agencyName),
                r.channel(),
                r.state(),
                r.createdAt(),
                r.sentAt(),
                r.deliveredAt(),
                r.failedAt(),
                r.retries(),
                r.lastError(),
                r.dossiers(),
                r.delivered(),
                r.failed(),
                items.stream()
                        .map(i -> new HandoverView.Item(
                                i.dossierCode(),
                                i.s10Number(),
                                i.state(),
                                i.components(),
                                i.files(),
                                i.bytes(),
                                i.complete(),
                                i.receiptNumber(),
                                i.receivedAt(),
                                i.lastError()))
                        .toList(),
                "/api/handovers/" + r.no() + "/record.pdf");
    }
}
