package vn.dossierpost.integration;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dossierpost.db.AgencyChannel;
import vn.dossierpost.db.AgencyDAO;

/**
 * One route per agency, made from its channel's template in routes/ with the agency's row as
 * parameters, plus an acknowledgement route for an agency that has an inbox folder. {@link #sync}
 * brings the routes in line with the rows: called at start-up, right after an administrator changes
 * an agency, and on a timer (so a change made through another node reaches this one too). A route
 * is rebuilt only when its agency's {@code revision} moved.
 */
public final class AgencyRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(AgencyRoutes.class);

    private final CamelContext camel;
    private final Jdbi jdbi;
    /** agency code → revision its routes were built from */
    private final Map<String, Integer> built = new HashMap<>();
    /** agency code → why it has no route (inactive, channel not configured) */
    private final Map<String, String> idle = new TreeMap<>();

    public AgencyRoutes(CamelContext camel, Jdbi jdbi) {
        this.camel = camel;
        this.jdbi = jdbi;
    }

    public static String handoverRouteId(String agencyCode) {
        return "handover-" + agencyCode;
    }

    public static String acknowledgementRouteId(String agencyCode) {
        return "acknowledgements-" + agencyCode;
    }

    public synchronized void sync() throws Exception {
        List<AgencyChannel> agencies = jdbi.withExtension(AgencyDAO.class, AgencyDAO::channels);
        Set<String> seen = new TreeSet<>();
        for (AgencyChannel a : agencies) {
            seen.add(a.code());
            if (!a.active() || !a.configured()) {
                idle.put(a.code(), !a.active() ? "inactive" : a.channel() + " channel not configured");
                if (built.remove(a.code()) != null) {
                    remove(a.code());
                }
                continue;
            }
            idle.remove(a.code());
            Integer revision = built.get(a.code());
            if (revision == null || revision != a.revision()) {
                if (revision != null) {
                    remove(a.code());
                }
                add(a);
                built.put(a.code(), a.revision());
            }
        }
        for (String code : Set.copyOf(built.keySet())) {
            if (!seen.contains(code)) {
                built.remove(code);
                remove(code);
            }
        }
        idle.keySet().retainAll(seen);
    }

    private void add(AgencyChannel a) throws Exception {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("agencyCode", a.code());
        p.put("batchWindowMs", a.batchWindowMs());
        String template = "handover-file-drop";
        switch (a.channel()) {
            case "HTTP" -> template = "handover-http";
            case "FILE_DROP" -> p.put("dropEndpoint", "file:" + a.outboxDir());
            case "SFTP" -> {
                p.put("dropEndpoint", "sftp://" + a.sftpHost() + ":" + (a.sftpPort() == null ? 22 : a.sftpPort()) + "/" + a.outboxDir());
                // the password travels RAW so that characters such as & or + in it are not read as URI syntax
                p.put("dropOptions", "username=" + a.sftpUsername() + "&password=RAW(" + nullToEmpty(a.sftpPassword()) + ")&");
            }
            default -> throw new IllegalStateException("no route template for channel " + a.channel());
        }
        TemplatedRouteBuilder.builder(camel, template).routeId(handoverRouteId(a.code())).parameters(p).add();
        if (!"HTTP".equals(a.channel()) && a.inboxDir() != null && !a.inboxDir().isBlank()) {
            TemplatedRouteBuilder.builder(camel, "agency-acknowledgements").routeId(acknowledgementRouteId(a.code()))
                    .parameter("agencyCode", a.code()).parameter("inboxDir", a.inboxDir()).add();
        }
        LOG.info("agency {}: {} route {} (revision {})", a.code(), a.channel(), template, a.revision());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private void remove(String code) throws Exception {
        for (String id : List.of(handoverRouteId(code), acknowledgementRouteId(code))) {
            if (camel.getRoute(id) != null) {
                camel.getRouteController().stopRoute(id);
                camel.removeRoute(id);
            }
        }
        LOG.info("agency {}: routes removed", code);
    }

    /** Each agency with a route and that route's status, and each agency without one and why. */
    public synchronized Map<String, String> status() {
        Map<String, String> status = new TreeMap<>();
        for (String code : built.keySet()) {
            Route route = camel.getRoute(handoverRouteId(code));
            ServiceStatus s = route == null ? null : camel.getRouteController().getRouteStatus(route.getId());
            status.put(code, s == null ? "missing" : s.name());
        }
        idle.forEach((code, why) -> status.put(code, "no route: " + why));
        return status;
    }
}
