package vn.dossierpost.integration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inbox files left in place for a later poll because the database was unavailable (agency-inbox.yaml),
 * by agency, until a poll applies them (or refuses them as wrong): the "camel" health check shows them.
 * A file someone took out of the inbox meanwhile no longer counts.
 */
public final class InboxWaiting {
    private final Map<String, Set<Path>> files = new ConcurrentHashMap<>();

    public void left(String agencyCode, String file) {
        files.computeIfAbsent(agencyCode, k -> ConcurrentHashMap.newKeySet()).add(Path.of(file));
    }

    public void handled(String agencyCode, String file) {
        files.computeIfPresent(agencyCode, (k, waiting) -> {
            waiting.remove(Path.of(file));
            return waiting.isEmpty() ? null : waiting;
        });
    }

    /** How many files wait, by agency code (agencies with none left out). */
    public Map<String, Long> byAgency() {
        Map<String, Long> counts = new TreeMap<>();
        files.forEach((agency, waiting) -> {
            long n = waiting.stream().filter(Files::exists).count();
            if (n > 0) {
                counts.put(agency, n);
            }
        });
        return counts;
    }
}
