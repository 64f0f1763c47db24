package vn.dossierpost.web.agency;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.dossierpost.api.DossierView;
import vn.dossierpost.api.FileView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.AgencyEventRules;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.service.handover.AgencyDesk;
import vn.dossierpost.web.Page;
import vn.dossierpost.web.counter.DossierPage;

/**
 * One dossier on the agency's desk ({@code /agency/ho-so/{code}}): the applicant, the documents
 * with every scan (one shown in the preview, each downloadable, all as one ZIP), the handover
 * records, the timeline, and the answers the dossier can take now. Each answer form carries an
 * event id made for this page, so a form sent twice is one event.
 */
public final class AgencyDossierPage extends Page {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** A scan: where to view it inline, where to download it. */
    public record Scan(long id, String name, String meta, String url, String viewHref, String kind, boolean shown) {}

    /** One document with its scans. */
    public record Document(String code, String name, int pages, List<Scan> scans) {}

    /** One answer form: the event type it sends, what it is called, its own event id. */
    public record Answer(String type, String label, String eventId) {}

    private final DossierView dossier;
    private final List<Document> documents;
    private final Scan shown;
    private final List<Answer> answers;
    private final List<DossierPage.Entry> timeline;
    private final List<String> handovers;
    private final ZoneId zone;
    private AnswerForm typed = AnswerForm.EMPTY;
    private Map<String, String> errors = Map.of();
    private String refusal;
    private String notice;

    AgencyDossierPage(WebSession session, AgencyDesk.Dossier d, String shownFile, ZoneId zone) {
        super("agency/dossier.ftlh", "Hồ sơ " + d.view().code());
        signedIn(session);
        this.dossier = d.view();
        this.zone = zone;
        this.handovers = d.handovers();
        this.documents = documents(d.view(), d.files(), shownFile);
        this.shown = documents.stream()
                .flatMap(doc -> doc.scans().stream())
                .filter(Scan::shown)
                .findFirst()
                .orElse(null);
        this.answers = answers(d.view().status());
        this.timeline = DossierPage.timelineOf(d.events(), zone);
    }

    /** The form of {@code typed.type()} comes back with what was typed and the reason beside each field. */
    AgencyDossierPage refusedFields(AnswerForm typed, Map<String, String> errors) {
        this.typed = typed;
        this.errors = errors;
        this.refusal = errors.get("form");
        return this;
    }

    /** A refusal of the answer as a whole: the dossier stands where it cannot take it (409). */
    AgencyDossierPage refused(String message) {
        this.refusal = message;
        return this;
    }

    /** An answer kept but of no effect: the dossier was at or past it already. */
    AgencyDossierPage noted(String message) {
        this.notice = message;
        return this;
    }

    private static List<Document> documents(DossierView view, List<FileView> files, String shownFile) {
        String wanted = files.stream().anyMatch(f -> String.valueOf(f.id()).equals(shownFile))
                ? shownFile
                : files.stream().findFirst().map(f -> String.valueOf(f.id())).orElse(null);
        List<Document> documents = new ArrayList<>();
        for (DossierView.Component c : view.components()) {
            List<Scan> scans = files.stream()
                    .filter(f -> f.componentCode().equals(c.code()))
                    .map(f -> scan(view.code(), f, String.valueOf(f.id()).equals(wanted)))
                    .toList();
            documents.add(new Document(c.code(), c.name() == null ? c.code() : c.name(), c.pages(), scans));
        }
        return documents;
    }

    private static Scan scan(String code, FileView f, boolean shown) {
        String meta = DossierPage.typeLabel(f.contentType())
                + (f.pageCount() == null ? "" : " · " + f.pageCount() + " trang")
                + " · " + DossierPage.size(f.sizeBytes());
        return new Scan(
                f.id(),
                f.originalName(),
                meta,
                "/agency/ho-so/" + code + "/tep/" + f.id(),
                "/agency/ho-so/" + code + "?tep=" + f.id() + "#preview",
                DossierPage.kind(f.contentType()),
                shown);
    }

    /** The answers that would apply now (the service decides again when one is sent: it may have moved meanwhile). */
    private static List<Answer> answers(DossierStatus status) {
        List<Answer> answers = new ArrayList<>();
        AnswerForm.LABELS.forEach((type, label) -> {
            if (AgencyEventRules.decide(status, type, false).outcome() == AgencyEventRules.Outcome.APPLY) {
                answers.add(new Answer(type.name(), label, UUID.randomUUID().toString()));
            }
        });
        return answers;
    }

    private static String dateTime(OffsetDateTime at, ZoneId zone) {
        return at == null ? "" : DATE_TIME.format(at.atZoneSameInstant(zone));
    }

    private static String date(LocalDate day) {
        return day == null ? null : DATE.format(day);
    }

    public DossierView getDossier() {
        return dossier;
    }

    public String getStatus() {
        return dossier.status().name();
    }

    public List<Document> getDocuments() {
        return documents;
    }

    public Scan getShown() {
        return shown;
    }

    public List<Answer> getAnswers() {
        return answers;
    }

    public List<DossierPage.Entry> getTimeline() {
        return timeline;
    }

    public List<String> getHandovers() {
        return handovers;
    }

    public String getReceivedAt() {
        return dateTime(dossier.receivedAt(), zone);
    }

    /** The result appointment: the agency's own deadline. */
    public String getAppointment() {
        return dossier.dueDates() == null ? null : date(dossier.dueDates().resultAppointment());
    }

    public boolean isOverdue() {
        DossierView.Clock clock = dossier.clock();
        return clock != null && "AGENCY".equals(clock.holder()) && clock.overdue();
    }

    public String getZipUrl() {
        return "/agency/ho-so/" + dossier.code() + "/tep.zip";
    }

    /** What was typed into {@code field} of the refused form ("" for a fresh form). */
    public String typed(String type, String field) {
        String value = type.equals(typed.type()) ? typed.value(field) : null;
        return value == null ? "" : value;
    }

    /** The reason beside {@code field} of the refused form of {@code type}, or null. */
    public String error(String type, String field) {
        return type.equals(typed.type()) ? errors.get(field) : null;
    }

    public String getRefusal() {
        return refusal;
    }

    public String getNotice() {
        return notice;
    }
}
