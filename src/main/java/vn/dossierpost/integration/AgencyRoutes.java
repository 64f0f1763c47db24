package vn.dossierpost.integration;

import java.util.ArrayList;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dossierpost.domain.AgencyChannel;
import vn.dossierpost.domain.Channel;
import vn.dossierpost.domain.ChannelPolicy;
import vn.dossierpost.service.catalogue.AgencyChannels;
import vn.dossierpost.service.catalogue.SftpHostKeys;

/**
 * One route per agency, made from its channel's template in routes/ with the agency's row as
 * parameters, a batching route (handover-batch.yaml), and an inbox route (agency-inbox.yaml) for an
 * agency that has an inbox folder. {@link #sync}
 * brings the routes in line with the rows: called at start-up, right after an administrator changes
 * an agency, and on a timer (so a change made through another node reaches this one too). A route
 * is rebuilt only when its agency's {@code revision} moved.
 *
 * <p>An agency is given routes only when its row keeps to the channel policy ({@link ChannelPolicy}:
 * https unless the host is allowed plain http, no link-local or metadata address, local folders under
 * the configured roots) and, for SFTP, when its server's host key is pinned in
 * {@code handover.sftpKnownHosts} ({@link SftpHostKeys}) or {@code handover.sftpInsecure} says keys go
 * unchecked. The admin API refuses such settings already; this catches a row changed behind its back
 * (a script, another node configured otherwise). With a known_hosts file, a server whose key is not in
 * it is refused before the password is sent; the user's own ~/.ssh/known_hosts is never read nor
 * written either way, so what the service trusts does not depend on the account it runs under.
 */
public final class AgencyRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(AgencyRoutes.class);

    private final CamelContext camel;
    private final AgencyChannels channels;
    private final ChannelPolicy policy;
    private final SftpHostKeys hostKeys;
    /** agency code → revision its routes were built from */
    private final Map<String, Integer> built = new HashMap<>();
    /** agency code → why it has no route (inactive, channel not configured) */
    private final Map<String, String> idle = new TreeMap<>();
    /** agency code → why its route could not be started (built holds -1 for it, so it is tried again) */
    private final Map<String, String> failed = new HashMap<>();

    public AgencyRoutes(CamelContext camel, AgencyChannels channels, ChannelPolicy policy, SftpHostKeys hostKeys) {
        this.camel = camel;
        this.channels = channels;
        this.policy = policy;
        this.hostKeys = hostKeys;
    }

    public static String handoverRouteId(String agencyCode) {
        return "handover-" + agencyCode;
    }

    public static String batchRouteId(String agencyCode) {
        return "batch-" + agencyCode;
    }

    public static String inboxRouteId(String agencyCode) {
        return "inbox-" + agencyCode;
    }

    public synchronized void sync() throws Exception {
        List<AgencyChannel> agencies = channels.all();
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
                rebuild(a);
            }
        }
        for (String code : Set.copyOf(built.keySet())) {
            if (!seen.contains(code)) {
                built.remove(code);
                remove(code);
            }
        }
        idle.keySet().retainAll(seen);
        failed.keySet().retainAll(built.keySet());
    }

    /**
     * Replaces an agency's routes. A route that cannot be built or started (say a folder another
     * agency's route already reads) is reported as failed, for this agency only: the other agencies
     * still get theirs, and start-up goes on. It is tried again on every sync until it starts.
     */
    private void rebuild(AgencyChannel a) {
        try {
            remove(a.code());
            add(a);
            built.put(a.code(), a.revision());
            failed.remove(a.code());
        } catch (Exception e) {
            built.put(a.code(), -1);
            failed.put(a.code(), e.getMessage());
            LOG.error("agency {}: its {} route could not be started: {}", a.code(), a.channel(), e.getMessage());
            try {
                remove(a.code());
            } catch (Exception again) {
                LOG.warn(
                        "agency {}: what was built of its routes could not be removed: {}",
                        a.code(),
                        again.getMessage());
            }
        }
    }

    private void add(AgencyChannel a) throws Exception {
        refuseOutsidePolicy(a);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("agencyCode", a.code());
        p.put("batchWindowMs", a.batchWindowMs());
        String template = "handover-file-drop";
        switch (a.channel()) {
            case HTTP -> template = "handover-http";
            case FILE_DROP, SFTP -> {
                p.put("dropEndpoint", dropEndpoint(a));
                p.put("dropOptions", dropOptions(a));
            }
        }
        TemplatedRouteBuilder.builder(camel, template)
                .routeId(handoverRouteId(a.code()))
                .parameters(p)
                .add();
        TemplatedRouteBuilder.builder(camel, "handover-batch")
                .routeId(batchRouteId(a.code()))
                .parameter("agencyCode", a.code())
                .parameter("batchWindowMs", a.batchWindowMs())
                .add();
        if (a.inboxDir() != null && !a.inboxDir().isBlank()) {
            TemplatedRouteBuilder.builder(camel, "agency-inbox")
                    .routeId(inboxRouteId(a.code()))
                    .parameter("agencyCode", a.code())
                    .parameter("inboxDir", a.inboxDir())
                    .add();
        }
        LOG.info("agency {}: {} route {} (revision {})", a.code(), a.channel(), template, a.revision());
    }

    /** An agency whose row breaks the channel policy gets no route (the reason is its route status). */
    private void refuseOutsidePolicy(AgencyChannel a) {
        List<String> why = new ArrayList<>();
        if (a.channel() == Channel.HTTP) {
            policy.baseUrlProblem(a.baseUrl()).ifPresent(m -> why.add("baseUrl " + m));
        }
        if (a.inboxDir() != null && !a.inboxDir().isBlank()) {
            policy.folderProblem(a.inboxDir()).ifPresent(m -> why.add("inboxDir " + m));
        }
        if (a.channel() == Channel.FILE_DROP) {
            policy.folderProblem(a.outboxDir()).ifPresent(m -> why.add("outboxDir " + m));
        }
        if (a.channel() == Channel.SFTP) {
            policy.hostProblem(a.sftpHost()).ifPresent(m -> why.add("sftpHost " + m));
            hostKeys.problem(a.sftpHost(), a.sftpPort()).ifPresent(m -> why.add("sftpHost: " + m));
        }
        if (!why.isEmpty()) {
            throw new IllegalStateException("refused by the channel policy: " + String.join("; ", why));
        }
    }

    /**
     * Where a FILE_DROP or SFTP agency's files are written: {@code file:<folder>}, {@code
     * sftp://host:port/<folder>} for a folder relative to the login's start (home) folder, or {@code
     * sftp://host:port} for an absolute one, whose path then travels in {@link #dropOptions}: Camel's
     * SFTP component strips the leading '/' of an endpoint's folder (even written {@code
     * sftp://host//path}), so "/home/u/den" would land in "home/u/den" under the home folder.
     */
    public static String dropEndpoint(AgencyChannel a) {
        return switch (a.channel()) {
            case FILE_DROP -> "file:" + a.outboxDir();
            case SFTP ->
                "sftp://" + a.sftpHost() + ":" + (a.sftpPort() == null ? 22 : a.sftpPort())
                        + (isAbsolute(a.outboxDir()) ? "" : "/" + a.outboxDir());
            case HTTP -> throw new IllegalStateException("agency " + a.code() + " takes no files: its channel is HTTP");
        };
    }

    /**
     * The drop endpoint's options, ending with '&': {@code autoCreate=false}, and the SFTP login. The
     * folder is the agency's to make: one that does not exist (a typing error, a server rebuilt
     * without it) fails the attempt, which then shows as the agency's send error and on the health
     * check, instead of files landing in a folder made up on the spot that the agency never reads.
     */
    public String dropOptions(AgencyChannel a) {
        return "autoCreate=false&" + (a.channel() == Channel.SFTP ? sftpOptions(a) : "");
    }

    /**
     * The login and the SSH options of an SFTP drop, ending with '&' (the template appends its own).
     * The password (and the known_hosts path) travel RAW so that characters such as &amp;, + or % in
     * them are not read as URI syntax. {@code maximumReconnectAttempts=0}: a server that cannot be
     * reached fails the attempt at once and the outbox tries again with its backoff, instead of Camel
     * holding the agency's route through its own reconnect loop (three more tries a second apart).
     */
    private String sftpOptions(AgencyChannel a) {
        StringBuilder o = new StringBuilder("username=")
                .append(a.sftpUsername())
                .append("&password=")
                .append(raw(nullToEmpty(a.sftpPassword())))
                .append("&useUserKnownHostsFile=false")
                .append("&maximumReconnectAttempts=0&");
        if (hostKeys.clientKey() != null) {
            o.append("privateKeyFile=")
                    .append(raw(hostKeys.clientKey().toString()))
                    .append("&");
        }
        if (isAbsolute(a.outboxDir())) {
            // the endpoint has no folder: each file is named by its full path on the server (a path
            // outside the endpoint's folder, which jailStartingDirectory would refuse)
            o.append("jailStartingDirectory=false&fileName=")
                    .append(raw(withoutTrailingSlash(a.outboxDir()) + "/${file:name}"))
                    .append("&");
        }
        if (hostKeys.unchecked()) {
            LOG.warn(
                    "agency {}: the SFTP server's host key is not checked (handover.sftpInsecure); set "
                            + "handover.sftpKnownHosts to pin it",
                    a.code());
            o.append("strictHostKeyChecking=no&");
        } else if (hostKeys.knownHosts() != null) {
            o.append("strictHostKeyChecking=yes&knownHostsFile=")
                    .append(raw(hostKeys.knownHosts().toString()))
                    .append("&");
        } else {
            throw new IllegalStateException("agency " + a.code() + ": the SFTP server's host key cannot be checked; "
                    + "set handover.sftpKnownHosts (or handover.sftpInsecure: true for a test server)");
        }
        return o.toString();
    }

    /**
     * An option value taken as it is. RAW(..) ends at a ')' followed by '&', so a value holding ")&"
     * travels as RAW{..} instead (the agency service refuses a password holding both ")&" and "}&").
     */
    static String raw(String value) {
        return value.contains(")&") ? "RAW{" + value + "}" : "RAW(" + value + ")";
    }

    private static boolean isAbsolute(String folder) {
        return folder != null && folder.startsWith("/");
    }

    private static String withoutTrailingSlash(String folder) {
        String f = folder;
        while (f.endsWith("/")) {
            f = f.substring(0, f.length() - 1);
        }
        return f;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private void remove(String code) throws Exception {
        boolean removed = false;
        for (String id : List.of(batchRouteId(code), handoverRouteId(code), inboxRouteId(code))) {
            if (camel.getRoute(id) != null) {
                camel.getRouteController().stopRoute(id);
                camel.removeRoute(id);
                removed = true;
            }
        }
        if (removed) {
            LOG.info("agency {}: routes removed", code);
        }
    }

    /** Each agency with a route and that route's status, and each agency without one and why. */
    public synchronized Map<String, String> status() {
        Map<String, String> status = new TreeMap<>();
        for (String code : built.keySet()) {
            if (failed.containsKey(code)) {
                status.put(code, "failed: " + failed.get(code));
                continue;
            }
            Route route = camel.getRoute(handoverRouteId(code));
            ServiceStatus s = route == null ? null : camel.getRouteController().getRouteStatus(route.getId());
            status.put(code, s == null ? "missing" : s.name());
        }
        idle.forEach((code, why) -> status.put(code, "no route: " + why));
        return status;
    }
}
