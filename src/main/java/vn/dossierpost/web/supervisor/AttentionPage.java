package vn.dossierpost.web.supervisor;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import vn.dossierpost.api.GivenUpView;
import vn.dossierpost.api.HandoverView;
import vn.dossierpost.api.S10SeriesView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.web.Page;

/**
 * What a national supervisor must act on, each list with its reason: agencies that cannot be sent to
 * now, dead-letter handovers and handovers left in a folder whose acknowledgement is overdue (both
 * sent again with one button, under the same number), what was given up (acknowledged with one), and
 * offices whose S10 numbers run low.
 */
public final class AttentionPage extends Page {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** A handover as a row: number, agency, how many dossiers, since when, why. */
    public record HandoverRow(String no, String agency, String channel, int dossiers, String since, String lastError) {}

    /** An agency whose last attempt failed: its name, the handover and the error. */
    public record FailingAgency(String code, String name, String error) {}

    /** A given-up item: its kind in words, what it was about, when, why. */
    public record GivenUpRow(String kind, long id, String kindLabel, String about, String when, String lastError) {}

    private final List<FailingAgency> failing;
    private final List<HandoverRow> deadLetters;
    private final List<HandoverRow> notAcknowledged;
    private final String ackDeadline;
    private final List<GivenUpRow> givenUp;
    private final List<S10SeriesView.Office> s10Low;
    private final int s10AlertBelow;
    private String error;

    AttentionPage(
            WebSession session,
            List<FailingAgency> failing,
            List<HandoverView> deadLetters,
            List<HandoverView> notAcknowledged,
            String ackDeadline,
            List<GivenUpView> givenUp,
            List<S10SeriesView.Office> s10Low,
            int s10AlertBelow,
            ZoneId zone) {
        super("supervisor/attention.ftlh", "Cần xử lý");
        signedIn(session);
        this.failing = failing;
        this.deadLetters =
                deadLetters.stream().map(h -> row(h, h.failedAt(), zone)).toList();
        this.notAcknowledged =
                notAcknowledged.stream().map(h -> row(h, h.sentAt(), zone)).toList();
        this.ackDeadline = ackDeadline;
        this.s10Low = s10Low;
        this.s10AlertBelow = s10AlertBelow;
        this.givenUp = givenUp.stream()
                .map(g -> new GivenUpRow(
                        g.kind(),
                        g.id(),
                        KIND_LABELS.getOrDefault(g.kind(), g.kind()),
                        g.about(),
                        when(g.givenUpAt(), zone),
                        g.lastError()))
                .toList();
    }

    private static final Map<String, String> KIND_LABELS = Map.of(
            "NOTIFICATION", "Tin nhắn cho người nộp",
            "AGENCY_NOTICE", "Thông báo cho cơ quan",
            "HANDOVER", "Bàn giao");

    private static HandoverRow row(HandoverView h, OffsetDateTime since, ZoneId zone) {
        return new HandoverRow(
                h.no(),
                h.agency().name() == null ? h.agency().code() : h.agency().name(),
                h.channel().name(),
                h.dossiers(),
                when(since, zone),
                h.lastError());
    }

    private static String when(OffsetDateTime at, ZoneId zone) {
        return at == null ? "" : WHEN.format(at.atZoneSameInstant(zone));
    }

    /** The page again with why an action was refused (say another supervisor sent it again first). */
    AttentionPage refused(String message) {
        this.error = message;
        return this;
    }

    public List<FailingAgency> getFailing() {
        return failing;
    }

    public List<HandoverRow> getDeadLetters() {
        return deadLetters;
    }

    public List<HandoverRow> getNotAcknowledged() {
        return notAcknowledged;
    }

    public String getAckDeadline() {
        return ackDeadline;
    }

    public List<GivenUpRow> getGivenUp() {
        return givenUp;
    }

    /** Offices with fewer S10 numbers left than {@link #getS10AlertBelow()}. */
    public List<S10SeriesView.Office> getS10Low() {
        return s10Low;
    }

    public int getS10AlertBelow() {
        return s10AlertBelow;
    }

    public String getError() {
        return error;
    }
}
