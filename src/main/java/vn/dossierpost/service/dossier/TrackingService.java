package vn.dossierpost.service.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.api.TrackingView;
import vn.dossierpost.db.DossierTrackingDAO;
import vn.dossierpost.db.DossierTrackingDAO.TrackingRow;
import vn.dossierpost.domain.DossierCode;
import vn.dossierpost.domain.S10Number;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.service.catalogue.ReferenceDataCache;

/**
 * Public tracking by S10 number or dossier code. Only status changes and the public timeline entries
 * are shown, with the place (office or agency) — never the ID number, phone, e-mail, address or a
 * clerk's note. The answer is read from the projection {@code dossier_tracking} (one indexed row,
 * no personal data) and kept, serialized, in a cache bounded by size: a change to a dossier drops its
 * entries on every node through {@link #forget} (the projection's NOTIFY, see TrackingChanges), and
 * an answer built with older catalogue names is built again.
 *
 * <p>Read from a replica, a dossier's new row may arrive a moment after the NOTIFY sent by the
 * primary: an answer read in that moment is the old one. So for {@code replicaLag} after a change its
 * answers are read afresh and not kept; only after that is one cached again.
 */
public final class TrackingService {
    /** The answer as served: the view (for the page), its JSON and the entity tag of that JSON (unquoted). */
    public record Answer(TrackingView view, byte[] json, String etag) {}

    private record Cached(Answer answer, ReferenceData data) {}

    /** Roughly what an entry holds besides its JSON: the view's objects and the map's own. */
    private static final int ENTRY_OVERHEAD = 512;

    private final Jdbi jdbi;
    private final ObjectMapper json;
    private final ReferenceDataCache referenceData;
    private final TrackingViews views;
    private final Cache<String, Cached> cache;
    /** References changed less than {@code replicaLag} ago (empty without a replica). */
    private final Cache<String, Boolean> unsettled;

    private final Duration replicaLag;
    private volatile long everythingUnsettledUntil = System.nanoTime();

    /**
     * {@code cacheBytes}: about how much memory the cached answers may take (0: none cached);
     * {@code replicaLag}: zero when {@code jdbi} is the primary, else how long a change may take to
     * reach the replica it reads.
     */
    public TrackingService(
            Jdbi jdbi,
            ReferenceDataCache referenceData,
            ObjectMapper json,
            ZoneId zone,
            long cacheBytes,
            Duration replicaLag) {
        this.jdbi = jdbi;
        this.replicaLag = replicaLag;
        this.unsettled = Caffeine.newBuilder().expireAfterWrite(replicaLag).build();
        this.json = json;
        this.referenceData = referenceData;
        this.views = new TrackingViews(json, zone);
        this.cache = Caffeine.newBuilder()
                .maximumWeight(cacheBytes)
                .weigher((String key, Cached c) -> 2 * c.answer().json().length + ENTRY_OVERHEAD)
                .build();
    }

    public TrackingView track(String reference) {
        return answer(reference).view();
    }

    /**
     * The dossier's public answer, from the cache when it holds one built with the current catalogue.
     * Loading goes through the cache's compute, so a change announced while a row is being read
     * waits for it and then drops what was read: a stale answer is never left behind.
     */
    public Answer answer(String reference) {
        String ref = reference == null ? "" : reference.trim();
        String key = key(ref);
        if (key == null) {
            throw notFound(ref);
        }
        ReferenceData data = referenceData.get();
        Cached hit = cache.getIfPresent(key);
        if (hit != null && hit.data() == data) {
            return hit.answer();
        }
        Cached loaded = settled(key)
                ? cache.asMap().compute(key, (k, old) -> old != null && old.data() == data ? old : load(k, data))
                : load(key, data);
        if (loaded == null) {
            throw notFound(ref);
        }
        return loaded.answer();
    }

    /** Drops the cached answer for one reference (a dossier code or an S10 number, as stored). */
    public void forget(String reference) {
        if (!replicaLag.isZero()) {
            unsettled.put(reference, Boolean.TRUE);
        }
        cache.invalidate(reference);
    }

    public void forgetAll() {
        if (!replicaLag.isZero()) {
            everythingUnsettledUntil = System.nanoTime() + replicaLag.toNanos();
        }
        cache.invalidateAll();
    }

    /** Whether what the database answers for {@code key} now may be kept (see the class comment). */
    private boolean settled(String key) {
        return replicaLag.isZero()
                || (System.nanoTime() - everythingUnsettledUntil > 0 && unsettled.getIfPresent(key) == null);
    }

    /** The lookup key: an S10 number in capitals, a dossier code as typed; null when it can be neither. */
    private static String key(String ref) {
        if (S10Number.isValid(ref)) {
            return ref.toUpperCase(Locale.ROOT);
        }
        return DossierCode.looksLike(ref) ? ref : null;
    }

    private Cached load(String key, ReferenceData data) {
        Optional<TrackingRow> row = jdbi.withExtension(
                DossierTrackingDAO.class, dao -> S10Number.isValid(key) ? dao.findByS10(key) : dao.findByCode(key));
        if (row.isEmpty()) {
            return null;
        }
        TrackingView view = views.view(row.get(), data);
        try {
            byte[] bytes = json.writeValueAsBytes(view);
            return new Cached(new Answer(view, bytes, etag(bytes)), data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tracking view of " + key + " could not be written as JSON", e);
        }
    }

    /** The same bytes give the same tag on every node, so a client's If-None-Match holds across them. */
    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuntimeException notFound(String ref) {
        return Problem.notFound("no dossier or item with reference " + ref);
    }
}
