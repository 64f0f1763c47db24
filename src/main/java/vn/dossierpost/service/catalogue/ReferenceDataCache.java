package vn.dossierpost.service.catalogue;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.db.CatalogueDAO;

/**
 * Holds the current {@link ReferenceData}. Changes made through this node's API invalidate it at
 * once; changes made elsewhere (another node, the catalogue import command) show within a minute,
 * refreshed in the background so no request waits for the reload.
 */
public final class ReferenceDataCache {
    private final LoadingCache<String, ReferenceData> cache;

    public ReferenceDataCache(Jdbi jdbi) {
        this.cache = Caffeine.newBuilder()
                .refreshAfterWrite(Duration.ofMinutes(1))
                .build(key -> jdbi.withExtension(CatalogueDAO.class, ReferenceData::new));
    }

    public ReferenceData get() {
        return cache.get("all");
    }

    public void invalidate() {
        cache.invalidateAll();
    }
}
