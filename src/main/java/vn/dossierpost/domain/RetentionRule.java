package vn.dossierpost.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * How long the post keeps a dossier's personal data and scans: records are kept at least five years
 * (TT 17/2017) after the dossier is closed, closed meaning the post's work on it is over — a terminal
 * status, or for a SEND_ONLY dossier the agency's answer (the post carries nothing back) — and the
 * time of closing the time of its last timeline event. A dossier under a legal hold (an open
 * complaint, an unpaid compensation, an administrator's hold) is kept whatever its age.
 */
public final class RetentionRule {
    /** What replaces a purged personal field that may not be empty. */
    public static final String TOMBSTONE = "(đã xóa theo thời hạn lưu trữ)";

    public static final int DEFAULT_YEARS = 5;

    /** Where a SEND_ONLY dossier's journey with the post ends (not terminal in the transition table). */
    private static final Set<DossierStatus> SEND_ONLY_ENDS =
            EnumSet.of(DossierStatus.RESULT_READY, DossierStatus.REFUSED);

    private final int years;

    public RetentionRule(int years) {
        if (years < 1) {
            throw new IllegalArgumentException("retention period must be at least one year, not " + years);
        }
        this.years = years;
    }

    public int years() {
        return years;
    }

    /** Statuses that close every dossier. */
    public static Set<DossierStatus> terminalStatuses() {
        Set<DossierStatus> terminal = EnumSet.noneOf(DossierStatus.class);
        for (DossierStatus s : DossierStatus.values()) {
            if (s.terminal()) {
                terminal.add(s);
            }
        }
        return terminal;
    }

    /** Statuses that close a SEND_ONLY dossier besides the terminal ones. */
    public static Set<DossierStatus> sendOnlyEnds() {
        return SEND_ONLY_ENDS;
    }

    public static boolean closed(DossierStatus status, ServiceForm form) {
        return status.terminal() || (form == ServiceForm.SEND_ONLY && SEND_ONLY_ENDS.contains(status));
    }

    /** A dossier closed before this instant has been kept long enough (calendar years in the post's zone). */
    public Instant cutoff(Instant now, ZoneId zone) {
        return now.atZone(zone).minusYears(years).toInstant();
    }

    /** What the purge needs to know of one dossier. */
    public record Standing(DossierStatus status, ServiceForm form, Instant lastEventAt, Set<Hold> holds) {}

    /** Why a dossier old enough is kept. */
    public enum Hold {
        OPEN_COMPLAINT,
        UNPAID_INCIDENT,
        ADMINISTRATOR
    }

    /** Closed, closed before the cutoff (strictly), and under no hold. */
    public boolean mayPurge(Standing d, Instant now, ZoneId zone) {
        return closed(d.status(), d.form())
                && d.lastEventAt() != null
                && d.lastEventAt().isBefore(cutoff(now, zone))
                && d.holds().isEmpty();
    }
}
