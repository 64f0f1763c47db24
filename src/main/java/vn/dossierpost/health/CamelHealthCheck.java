package vn.dossierpost.health;

import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import vn.dossierpost.integration.AgencyRoutes;

/**
 * The Camel context is started and every agency that has a channel has its route running. An agency
 * without a configured channel is listed, not counted as a failure: its dossiers wait in the outbox
 * (which the backlog check watches).
 */
public final class CamelHealthCheck extends GuardedHealthCheck {
    private final CamelContext camel;
    private final AgencyRoutes routes;

    public CamelHealthCheck(CamelContext camel, AgencyRoutes routes) {
        this.camel = camel;
        this.routes = routes;
    }

    @Override
    protected Result checkOrThrow() {
        ServiceStatus status = camel.getStatus();
        // why a route failed (an exception's text, with paths and hosts) is for administrators, over
        // the authenticated API (GET /api/agencies/{code}) and in the log, not for this open port
        Map<String, String> agencies = new TreeMap<>();
        routes.status().forEach((code, s) -> agencies.put(code, s.startsWith("failed") ? "failed (see the log)" : s));
        ResultBuilder result =
                Result.builder().withDetail("camel", status.name()).withDetail("agencies", agencies);
        if (!status.isStarted()) {
            return result.unhealthy().withMessage("Camel context is " + status).build();
        }
        long down = agencies.values().stream()
                .filter(s -> !s.startsWith("no route") && !s.equals(ServiceStatus.Started.name()))
                .count();
        return down > 0
                ? result.unhealthy()
                        .withMessage(down + " agency routes are not running")
                        .build()
                : result.healthy().withMessage(agencies.size() + " agencies").build();
    }
}
