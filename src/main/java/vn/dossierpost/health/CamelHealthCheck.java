package vn.dossierpost.health;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import vn.dossierpost.integration.AgencyRoutes;
import vn.dossierpost.integration.InboxWaiting;

/**
 * The Camel context is started and every agency that has a channel has its route running and can be
 * sent to: a route that runs but whose last attempt failed (a remote folder that does not exist, a
 * refused login, an agency server away) counts as down too, from the first failure. An agency without
 * a configured channel is listed, not counted as a failure: its dossiers wait in the outbox (which the
 * backlog check watches). Inbox files left for a later poll because the database was unavailable are
 * counted by agency and fail the check until a poll has applied them.
 */
public final class CamelHealthCheck extends GuardedHealthCheck {
    private final CamelContext camel;
    private final AgencyRoutes routes;
    private final Supplier<Map<String, ?>> failingSends;
    private final InboxWaiting inboxWaiting;

    /** @param failingSends the agencies whose last attempt to send failed, by agency code */
    public CamelHealthCheck(
            CamelContext camel, AgencyRoutes routes, Supplier<Map<String, ?>> failingSends, InboxWaiting inboxWaiting) {
        this.camel = camel;
        this.routes = routes;
        this.failingSends = failingSends;
        this.inboxWaiting = inboxWaiting;
    }

    @Override
    protected Result checkOrThrow() {
        ServiceStatus status = camel.getStatus();
        // why a route or a send failed (an exception's text, with paths and hosts) is for administrators,
        // over the authenticated API (GET /api/agencies/{code}) and in the log, not for this open port
        Map<String, String> agencies = new TreeMap<>();
        routes.status().forEach((code, s) -> agencies.put(code, s.startsWith("failed") ? "failed (see the log)" : s));
        failingSends
                .get()
                .keySet()
                .forEach(code -> agencies.computeIfPresent(
                        code,
                        (c, s) -> s.equals(ServiceStatus.Started.name())
                                ? "sending fails (see GET /api/agencies/" + c + ")"
                                : s));
        Map<String, Long> waiting = inboxWaiting.byAgency();
        ResultBuilder result = Result.builder()
                .withDetail("camel", status.name())
                .withDetail("agencies", agencies)
                .withDetail("inboxFilesWaitingForDatabase", waiting);
        if (!status.isStarted()) {
            return result.unhealthy().withMessage("Camel context is " + status).build();
        }
        long down = agencies.values().stream()
                .filter(s -> !s.startsWith("no route") && !s.equals(ServiceStatus.Started.name()))
                .count();
        if (down > 0) {
            return result.unhealthy()
                    .withMessage(down + " agencies cannot be sent to: their route is not running or sending fails")
                    .build();
        }
        long files = waiting.values().stream().mapToLong(Long::longValue).sum();
        return files > 0
                ? result.unhealthy()
                        .withMessage(files + " inbox files wait for the database")
                        .build()
                : result.healthy().withMessage(agencies.size() + " agencies").build();
    }
}
