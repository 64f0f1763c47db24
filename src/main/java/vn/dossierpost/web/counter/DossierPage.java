package vn.dossierpost.web.counter;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.dossierpost.api.DossierView;
import vn.dossierpost.api.EventView;
import vn.dossierpost.api.FileView;
import vn.dossierpost.api.PaymentView;
import vn.dossierpost.api.ProcedureView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.DocumentForm;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.TimelineEvent;
import vn.dossierpost.service.counter.Corrections;
import vn.dossierpost.service.counter.DigitisationService;
import vn.dossierpost.web.Page;

/**
 * The counter clerk's view of one dossier of their office: where it stands and who holds it, its
 * documents with their scans (and room for more while scans are taken), the fees, the timeline, and
 * the forms that act on it (withdrawal, a supplement). Values are shaped here as the clerk reads
 * them (dd/MM/yyyy, Vietnamese labels), so the template only lays them out.
 */
public final class DossierPage extends Page {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** A stored scan as listed under its document. */
    public record Scan(
            long id,
            String name,
            String type,
            Integer pages,
            String size,
            String uploadedAt,
            String url,
            String kind) {}

    /** One document of the dossier with its scans. */
    public record Document(
            String code, String name, String form, int pages, boolean required, boolean missing, List<Scan> scans) {}

    /** One timeline entry, newest first; a correction lists what changed ("old → new"). */
    public record Entry(String when, String label, String actor, String note, List<String> changes) {}

    /** Who holds the dossier now and until when. */
    public record Holder(String who, String stage, String due, boolean overdue) {}

    /** What the clerk typed into a form that was refused, with the reason beside the field. */
    public record FormState(String value, String error) {
        static final FormState EMPTY = new FormState("", null);
    }

    private final DossierView dossier;
    private final PaymentPanel payment;
    private final List<Document> documents;
    private final List<Entry> timeline;
    private final Holder holder;
    private final String supplementRequest;
    private final ZoneId zone;
    private FormState withdrawal = FormState.EMPTY;
    private FormState supplement = FormState.EMPTY;
    private CorrectionForm correction;
    private String refusal;

    DossierPage(
            WebSession session,
            DossierView dossier,
            List<FileView> files,
            List<EventView> events,
            PaymentView payment,
            ProcedureView procedure,
            ZoneId zone) {
        super("counter/dossier.ftlh", "Hồ sơ " + dossier.code());
        signedIn(session);
        this.dossier = dossier;
        this.payment = new PaymentPanel(dossier.code(), payment, zone);
        this.zone = zone;
        this.documents = documents(dossier, files, procedure, zone);
        this.timeline = timelineOf(events, zone);
        this.holder = holder(dossier);
        this.correction = CorrectionForm.of(dossier);
        this.supplementRequest = events.stream()
                .filter(e -> e.toStatus() == DossierStatus.SUPPLEMENT_REQUESTED)
                .reduce((a, b) -> b)
                .map(EventView::note)
                .orElse(null);
    }

    DossierPage withdrawalRefused(String reason, String error) {
        this.withdrawal = new FormState(reason == null ? "" : reason, error);
        return this;
    }

    DossierPage supplementRefused(String note, String error) {
        this.supplement = new FormState(note == null ? "" : note, error);
        return this;
    }

    DossierPage correctionRefused(CorrectionForm form) {
        this.correction = form;
        return this;
    }

    DossierPage paymentRefused(String method, String terminalReference, String error) {
        payment.confirmationRefused(method, terminalReference, error);
        return this;
    }

    DossierPage refundRefused(String reason, String error) {
        payment.refundRefused(reason, error);
        return this;
    }

    /** A refusal that belongs to no one field (the dossier moved on meanwhile: 409). */
    DossierPage refused(String message) {
        this.refusal = message;
        return this;
    }

    private static List<Document> documents(
            DossierView dossier, List<FileView> files, ProcedureView procedure, ZoneId zone) {
        Map<String, Boolean> required = new HashMap<>();
        if (procedure != null) {
            procedure.components().forEach(d -> required.put(d.code(), d.required()));
        }
        List<Document> documents = new ArrayList<>();
        for (DossierView.Component c : dossier.components()) {
            List<Scan> scans = files.stream()
                    .filter(f -> f.componentCode().equals(c.code()))
                    .map(f -> scan(dossier.code(), f, zone))
                    .toList();
            boolean isRequired = required.getOrDefault(c.code(), false);
            documents.add(new Document(
                    c.code(),
                    c.name() == null ? c.code() : c.name(),
                    formLabel(c.form()),
                    c.pages(),
                    isRequired,
                    isRequired && scans.isEmpty(),
                    scans));
        }
        return documents;
    }

    private static String formLabel(String form) {
        try {
            return DocumentForm.valueOf(form).labelVi();
        } catch (IllegalArgumentException | NullPointerException e) {
            return form == null ? "" : form;
        }
    }

    static Scan scan(String code, FileView f, ZoneId zone) {
        return new Scan(
                f.id(),
                f.originalName(),
                typeLabel(f.contentType()),
                f.pageCount(),
                size(f.sizeBytes()),
                f.uploadedAt() == null ? "" : DATE_TIME.format(f.uploadedAt().atZoneSameInstant(zone)),
                fileUrl(code, f.id()),
                kind(f.contentType()));
    }

    /** Where the counter pages serve a scan inline (session-authenticated, unlike the API's address). */
    static String fileUrl(String code, long fileId) {
        return "/counter/ho-so/" + code + "/tep/" + fileId;
    }

    /** The kind of file as people name it: PDF, JPEG, PNG, TIFF. */
    public static String typeLabel(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> "PDF";
            case "image/jpeg" -> "JPEG";
            case "image/png" -> "PNG";
            case "image/tiff" -> "TIFF";
            default -> mediaType;
        };
    }

    /** How the preview shows it: a browser shows PDFs in a frame and JPEG/PNG as images; TIFF only downloads. */
    public static String kind(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> "pdf";
            case "image/jpeg", "image/png" -> "image";
            default -> "other";
        };
    }

    /** Bytes as a clerk reads them, with a decimal comma: "12,5 kB", "1,20 MB". */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0).replace('.', ',');
        }
        return String.format(Locale.ROOT, "%.2f MB", bytes / (1024.0 * 1024.0)).replace('.', ',');
    }

    /** The timeline newest first, as staff read it (also on the agency desk; not "timeline", which the template reads). */
    public static List<Entry> timelineOf(List<EventView> events, ZoneId zone) {
        List<Entry> entries = new ArrayList<>();
        for (EventView e : events) {
            entries.add(0, new Entry(dateTime(e.at(), zone), label(e), e.actor(), e.note(), CorrectionLines.of(e)));
        }
        return entries;
    }

    private static String label(EventView e) {
        if (e.toStatus() != null) {
            return e.toStatus().labelVi();
        }
        try {
            return TimelineEvent.valueOf(e.type()).labelVi();
        } catch (IllegalArgumentException ignored) {
            return e.type();
        }
    }

    private static String dateTime(OffsetDateTime at, ZoneId zone) {
        return at == null ? "" : DATE_TIME.format(at.atZoneSameInstant(zone));
    }

    private static String date(LocalDate day) {
        return day == null ? null : DATE.format(day);
    }

    private static Holder holder(DossierView d) {
        DossierView.Clock clock = d.clock();
        if (clock == null || clock.holder() == null) {
            return null;
        }
        String who = switch (clock.holder()) {
            case "POST" ->
                "Bưu điện"
                        + (d.office().name() == null ? "" : " · " + d.office().name());
            case "AGENCY" ->
                d.agency().name() == null ? "Cơ quan giải quyết" : d.agency().name();
            case "APPLICANT" -> "Người nộp hồ sơ (đang chờ bổ sung)";
            default -> clock.holder();
        };
        String stage = clock.stage() == null
                ? null
                : switch (clock.stage()) {
                    case "TO_AGENCY" -> "Chuyển hồ sơ đến cơ quan giải quyết";
                    case "AT_AGENCY" -> "Cơ quan giải quyết hồ sơ";
                    case "TO_APPLICANT" -> "Chuyển trả kết quả cho người nộp";
                    default -> clock.stage();
                };
        return new Holder(who, stage, date(clock.due()), clock.overdue());
    }

    public DossierView getDossier() {
        return dossier;
    }

    public String getStatus() {
        return dossier.status().name();
    }

    public Holder getHolder() {
        return holder;
    }

    public List<Document> getDocuments() {
        return documents;
    }

    /** The required documents still without a scan (the dossier turns DIGITISED when none is left). */
    public List<String> getMissing() {
        return documents.stream().filter(Document::missing).map(Document::name).toList();
    }

    public List<Entry> getTimeline() {
        return timeline;
    }

    /** "BG… · biên nhận số … lúc …" once the agency has filed it, "BG…" while on its way; null before. */
    public String getFiled() {
        DossierView.Handover h = dossier.handover();
        if (h == null) {
            return null;
        }
        return h.receiptNumber() == null
                ? "Bàn giao " + h.no()
                : "Biên nhận số " + h.receiptNumber()
                        + (h.filedAt() == null ? "" : " lúc " + dateTime(h.filedAt(), zone)) + " · bàn giao " + h.no();
    }

    public String getReceivedAt() {
        return dateTime(dossier.receivedAt(), zone);
    }

    public String getHandoverBy() {
        return dossier.dueDates() == null ? null : date(dossier.dueDates().handoverBy());
    }

    public String getAppointment() {
        return dossier.dueDates() == null ? null : date(dossier.dueDates().resultAppointment());
    }

    public String getServiceForm() {
        return dossier.serviceForm() == null ? "" : dossier.serviceForm().labelVi();
    }

    public String getDeliveryMethod() {
        if (dossier.delivery() == null || dossier.delivery().method() == null) {
            return null;
        }
        return switch (dossier.delivery().method().name()) {
            case "HOME" -> "Phát tận địa chỉ";
            case "PICKUP_AT_OFFICE" -> "Nhận tại bưu cục";
            default -> dossier.delivery().method().name();
        };
    }

    /** The office delivering the result, when it is not the one that took the dossier in. */
    public String getDeliveryOffice() {
        DossierView.Ref office =
                dossier.delivery() == null ? null : dossier.delivery().office();
        return office == null
                        || dossier.office() == null
                        || office.code().equals(dossier.office().code())
                ? null
                : office.name();
    }

    /** The dossier's money: state, who took it, the VietQR code while pending, the forms to take or refund it. */
    public PaymentPanel getPay() {
        return payment;
    }

    /** The slip printed again (served by the slip pages). */
    public String getSlipUrl() {
        return "/counter/ho-so/" + dossier.code() + "/phieu.pdf";
    }

    public boolean isScanning() {
        return DigitisationService.TAKES_SCANS.contains(dossier.status());
    }

    public boolean isWithdrawable() {
        return dossier.allowedNext().contains(DossierStatus.WITHDRAWN.name());
    }

    public boolean isAwaitingSupplement() {
        return dossier.status() == DossierStatus.SUPPLEMENT_REQUESTED;
    }

    public String getSupplementRequest() {
        return supplementRequest;
    }

    public FormState getWithdrawal() {
        return withdrawal;
    }

    /** Contact details are corrected only while the post still holds the dossier. */
    public boolean isCorrectable() {
        return Corrections.CORRECTABLE.contains(dossier.status());
    }

    public CorrectionForm getCorrection() {
        return correction;
    }

    public FormState getSupplement() {
        return supplement;
    }

    public String getRefusal() {
        return refusal;
    }
}
