package vn.dossierpost.db;

import org.jdbi.v3.core.Jdbi;

/**
 * Which database a read uses: the one place that says so. Everything is written to the primary,
 * and every read goes there too except the two kinds below, which go to the streaming replica
 * when one is configured ({@code database.replicaUrl}); without one they use the primary as well.
 *
 * <p>Those two may be a little behind: a replica replays the primary's changes a moment after they
 * are committed (milliseconds on one network, more under heavy load or after an outage). A citizen
 * tracking a dossier sees its timeline as of the last replayed change, so a dossier taken in that
 * instant can answer "not found" until it is replayed; a clerk's list or search likewise. Reads that
 * decide a change, or that show a clerk what they have just done (a dossier's own page, today's
 * work at the counter, handovers being sent), stay on the primary. When the replica cannot be
 * reached, its reads go to the primary ({@link ReplicaOrPrimary}).
 */
public final class Databases {
    /** The attribute each Jdbi's statements carry, naming their database in an error ("primary" or "replica"). */
    public static final String ROLE = "dossierpostDatabase";

    private final Jdbi primary;
    private final Jdbi replica;

    private Databases(Jdbi primary, Jdbi replica) {
        this.primary = primary;
        this.replica = replica;
    }

    /** Every read and write on the primary. */
    public static Databases primaryOnly(Jdbi primary) {
        primary.define(ROLE, "primary");
        return new Databases(primary, primary);
    }

    /** Tracking and staff lists on {@code replica} (a Jdbi over {@link ReplicaOrPrimary}), the rest on the primary. */
    public static Databases withReplica(Jdbi primary, Jdbi replica) {
        primary.define(ROLE, "primary");
        replica.define(ROLE, "replica");
        return new Databases(primary, replica);
    }

    /** Writes, and the reads that decide them or show their outcome. */
    public Jdbi primary() {
        return primary;
    }

    /** Public tracking: {@code GET /api/track/{ref}} and the page {@code /tra-cuu/{ref}}. */
    public Jdbi forPublicTracking() {
        return replica;
    }

    /**
     * Staff lists: the dossier list ({@code GET /api/dossiers}, the supervisor's overdue page built
     * on it) and the counter's dossier search ({@code /counter/ho-so?q=}).
     */
    public Jdbi forStaffLists() {
        return replica;
    }

    public boolean hasReplica() {
        return replica != primary;
    }
}
