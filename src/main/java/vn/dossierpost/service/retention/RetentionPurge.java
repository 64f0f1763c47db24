package vn.dossierpost.service.retention;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dossierpost.db.RetentionDAO;
import vn.dossierpost.db.RetentionDAO.Candidate;
import vn.dossierpost.domain.RetentionRule;
import vn.dossierpost.domain.RetentionRule.Hold;
import vn.dossierpost.service.BlobLocks;
import vn.dossierpost.storage.BlobStore;

/**
 * Removes what the post no longer keeps of dossiers closed longer than the retention period ago
 * ({@link RetentionRule}): their scans, from the database and from the blob store, and the personal
 * data of the applicant, the filer, the complainant and the recipient, replaced by the tombstone, with
 * what staff, agencies and the manifests wrote about them (timeline notes, a correction's values, an
 * agency's reasons, the manifests handed over, notices' details, incident texts). The dossier itself
 * stays, with its code, procedure, dates, statuses, timeline entries and money, so reports and public
 * tracking still answer for it.
 *
 * <p>Each dossier goes in a transaction of its own that locks the dossier row and checks it again
 * (a hold placed meanwhile keeps it), and writes a {@code retention_purge} row. Blobs are content
 * addressed, so one may also be another dossier's scan: after the commit each blob is removed only if
 * no row references it any more, under the same advisory lock an upload of those bytes takes.
 */
public final class RetentionPurge {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);

    private final Jdbi jdbi;
    private final BlobStore store;
    private final RetentionRule rule;
    private final Clock clock;

    public RetentionPurge(Jdbi jdbi, BlobStore store, RetentionRule rule, Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.rule = rule;
        this.clock = clock;
    }

    /** A dossier that may go now: its code, when it closed, and the scan records it holds. */
    public record Due(long id, String code, Instant closedAt, int files, long bytes) {}

    /** What a purge did: dossiers purged, scan records removed (count and size), blobs deleted from the store. */
    public record Summary(int dossiers, int files, long bytes, int blobsDeleted, int kept) {}

    /** The dry run: what {@link #purge()} would remove now, oldest first; changes nothing. */
    public List<Due> due() {
        return dueAndKept().due();
    }

    private record Listing(List<Due> due, int kept) {}

    private Listing dueAndKept() {
        Instant now = clock.instant();
        List<Candidate> old = jdbi.withHandle(h -> h.attach(RetentionDAO.class)
                .closedBefore(
                        RetentionRule.terminalStatuses(),
                        RetentionRule.sendOnlyEnds(),
                        rule.cutoff(now, clock.getZone())));
        List<Due> due = new ArrayList<>();
        for (Candidate c : old) {
            if (rule.mayPurge(standing(c), now, clock.getZone())) {
                due.add(new Due(c.id(), c.code(), c.closedAt(), c.files(), c.bytes()));
            }
        }
        return new Listing(due, old.size() - due.size());
    }

    /** Purges every dossier due now; one failing is logged and left for the next run, the others go on. */
    public Summary purge() {
        Listing listing = dueAndKept();
        int dossiers = 0;
        int files = 0;
        long bytes = 0;
        int blobs = 0;
        int kept = listing.kept();
        for (Due d : listing.due()) {
            try {
                Optional<Purged> purged = purgeOne(d.id());
                if (purged.isEmpty()) {
                    kept++;
                    continue;
                }
                dossiers++;
                files += purged.get().files();
                bytes += purged.get().bytes();
                blobs += deleteUnused(purged.get().blobs());
            } catch (RuntimeException e) {
                LOG.error("retention purge of dossier {} failed; it is tried again at the next run", d.code(), e);
            }
        }
        LOG.info(
                "retention purge: {} dossiers, {} scan records ({} bytes), {} blobs deleted, {} kept under a hold",
                dossiers,
                files,
                bytes,
                blobs,
                kept);
        return new Summary(dossiers, files, bytes, blobs, kept);
    }

    private record Purged(int files, long bytes, Set<String> blobs) {}

    /** One dossier, in one transaction, checked again under its row lock; empty when it may not go (any more). */
    private Optional<Purged> purgeOne(long id) {
        return jdbi.inTransaction(h -> {
            RetentionDAO dao = h.attach(RetentionDAO.class);
            Optional<Candidate> locked = dao.lock(id);
            if (locked.isEmpty() || !rule.mayPurge(standing(locked.get()), clock.instant(), clock.getZone())) {
                return Optional.empty();
            }
            Candidate c = locked.get();
            Set<String> blobs = new LinkedHashSet<>(dao.scans(id));
            blobs.addAll(dao.proofImages(id));
            String t = RetentionRule.TOMBSTONE;
            OffsetDateTime now = OffsetDateTime.now(clock);
            dao.tombstoneDossier(id, t);
            dao.tombstoneHomePickup(id, t);
            dao.clearNotifications(id, t);
            dao.tombstoneComplaints(id, t);
            dao.clearRatingComment(id);
            dao.clearDeliveryAttempts(id, t);
            dao.declarePurge();
            dao.clearTimelineTexts(id, t);
            dao.tombstoneManifests(id, t);
            dao.trimNotices(id);
            dao.tombstoneIncidents(id, t);
            int removed = dao.removeScans(id);
            dao.recordPurge(id, c.code(), now, removed, c.bytes());
            return Optional.of(new Purged(removed, c.bytes(), blobs));
        });
    }

    /** After the purge's commit: each blob no row references any more is deleted, under its lock. */
    private int deleteUnused(Set<String> blobs) {
        int deleted = 0;
        for (String sha : blobs) {
            boolean gone = jdbi.inTransaction(h -> deleteIfUnused(h, sha));
            if (gone) {
                deleted++;
            }
        }
        return deleted;
    }

    private boolean deleteIfUnused(Handle h, String sha) {
        BlobLocks.lock(h, sha);
        if (h.attach(RetentionDAO.class).blobInUse(sha)) {
            return false;
        }
        try {
            store.remove(sha);
            return true;
        } catch (IOException e) {
            // the rows are gone already: the blob is only an unreferenced file now, which the fixity command lists
            LOG.warn("could not delete blob {} after the retention purge", sha, e);
            return false;
        }
    }

    private static RetentionRule.Standing standing(Candidate c) {
        Set<Hold> holds = EnumSet.noneOf(Hold.class);
        if (c.openComplaint()) {
            holds.add(Hold.OPEN_COMPLAINT);
        }
        if (c.unpaidIncident()) {
            holds.add(Hold.UNPAID_INCIDENT);
        }
        if (c.held()) {
            holds.add(Hold.ADMINISTRATOR);
        }
        return new RetentionRule.Standing(c.status(), c.serviceForm(), c.closedAt(), holds);
    }
}
