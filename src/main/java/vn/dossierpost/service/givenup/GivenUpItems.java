package vn.dossierpost.service.givenup;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.GivenUpView;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;

/**
 * Everything given up, in one list: messages to applicants past their retry age, notices to agencies
 * refused or past theirs, handovers become dead letters. Each stays "not acknowledged" (and the health
 * check unhealthy) until an operator acknowledges it; a dead handover sent again is no longer given up.
 */
public final class GivenUpItems {
    /** Each kind's table and what makes a row of it given up. */
    private static final Map<String, String[]> KINDS = Map.of(
            "NOTIFICATION",
            new String[] {"notification", "failed_at IS NOT NULL", "failed_at", "channel || ' ' || kind"},
            "AGENCY_NOTICE",
            new String[] {
                "outbox",
                "kind = 'AGENCY_NOTICE' AND done_at IS NOT NULL AND last_error IS NOT NULL",
                "done_at",
                "'notice to ' || agency_code"
            },
            "HANDOVER",
            new String[] {"handover", "state = 'FAILED'", "failed_at", "'handover ' || no"});

    private final Jdbi jdbi;
    private final Clock clock;

    public GivenUpItems(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Given-up items, newest first, the ones not yet acknowledged only unless {@code all}. */
    public List<GivenUpView> list(User user, boolean all, int limit) {
        checkNational(user);
        if (limit < 1 || limit > 500) {
            throw Problem.invalid("limit", "must be between 1 and 500");
        }
        StringBuilder sql = new StringBuilder();
        for (Map.Entry<String, String[]> kind : KINDS.entrySet()) {
            String[] k = kind.getValue();
            if (!sql.isEmpty()) {
                sql.append(" UNION ALL ");
            }
            sql.append("SELECT '")
                    .append(kind.getKey())
                    .append("' AS kind, id, ")
                    .append(k[3])
                    .append(" AS about, ")
                    .append(k[2])
                    .append(" AS given_up_at, last_error, given_up_seen_at, given_up_seen_by FROM ")
                    .append(k[0])
                    .append(" WHERE ")
                    .append(k[1])
                    .append(all ? "" : " AND given_up_seen_at IS NULL");
        }
        sql.append(" ORDER BY given_up_at DESC NULLS LAST, id DESC LIMIT :limit");
        return jdbi.withHandle(h -> h.createQuery(sql.toString())
                .bind("limit", limit)
                .map((rs, ctx) -> new GivenUpView(
                        rs.getString("kind"),
                        rs.getLong("id"),
                        rs.getString("about"),
                        rs.getObject("given_up_at", OffsetDateTime.class),
                        rs.getString("last_error"),
                        rs.getObject("given_up_seen_at", OffsetDateTime.class),
                        rs.getString("given_up_seen_by")))
                .list());
    }

    /** Given-up items span every post office: national supervisors and admins only. */
    private static void checkNational(User user) {
        if (user.officeCode() != null || user.agencyCode() != null) {
            throw Problem.forbidden("given-up items concern every post office; national supervisors only");
        }
    }

    /** How many given-up items no operator has acknowledged yet. */
    public long notAcknowledged() {
        return jdbi.withHandle(h -> {
            long n = 0;
            for (String[] k : KINDS.values()) {
                n += h.createQuery("SELECT count(*) FROM " + k[0] + " WHERE " + k[1] + " AND given_up_seen_at IS NULL")
                        .mapTo(Long.class)
                        .one();
            }
            return n;
        });
    }

    /** Records that {@code user} has looked at one given-up item; acknowledging it again changes nothing. */
    public GivenUpView acknowledge(User user, String kind, long id) {
        checkNational(user);
        String[] k = KINDS.get(kind);
        if (k == null) {
            throw Problem.invalid("kind", "must be NOTIFICATION, AGENCY_NOTICE or HANDOVER");
        }
        int updated = jdbi.withHandle(h -> h.createUpdate("UPDATE " + k[0]
                        + " SET given_up_seen_at = coalesce(given_up_seen_at, :now),"
                        + " given_up_seen_by = coalesce(given_up_seen_by, :by) WHERE id = :id AND " + k[1])
                .bind("now", OffsetDateTime.now(clock))
                .bind("by", user.username())
                .bind("id", id)
                .execute());
        if (updated == 0) {
            throw Problem.notFound("no given-up " + kind + " " + id);
        }
        return list(user, true, 500).stream()
                .filter(v -> v.kind().equals(kind) && v.id() == id)
                .findFirst()
                .orElseThrow();
    }
}
