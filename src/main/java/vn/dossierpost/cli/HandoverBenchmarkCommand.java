package vn.dossierpost.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import vn.dossierpost.agencysim.AgencySimulator;
import vn.dossierpost.domain.Channel;

/**
 * {@code bench-handover --url http://127.0.0.1:8080 --username CLERK --password P --admin-username ADMIN
 * --admin-password P --count 2000 --latency-count 200}: hands dossiers to an agency simulator started in
 * this process on 127.0.0.1, through a running service, and prints
 * <ol>
 * <li>handover throughput: {@code --count} digitised dossiers are queued while the agency is
 *     inactive, then the agency is switched on (HTTP channel to the simulator) and the time until the
 *     simulator holds all of them gives dossiers/s;</li>
 * <li>intake-to-acknowledgement latency: {@code --latency-count} dossiers taken in and scanned one
 *     after another per client while the agency is on, each timed from the start of its intake
 *     request to the moment the simulator accepted it (p50, p95, p99).</li>
 * </ol>
 * The agency ({@code --agency}) is left pointing at the simulator's address, inactive, at the end.
 */
public class HandoverBenchmarkCommand extends Command {
    public HandoverBenchmarkCommand() {
        super(
                "bench-handover",
                "Measure handover throughput and intake-to-acknowledgement latency against a running service");
    }

    @Override
    public void configure(Subparser subparser) {
        LoadRun.addServiceArguments(subparser, 8, 2000);
        subparser
                .addArgument("--admin-username")
                .dest("adminUsername")
                .required(true)
                .help("an ADMIN user (sets the agency's channel)");
        subparser
                .addArgument("--admin-password")
                .dest("adminPassword")
                .setDefault(System.getenv().getOrDefault("DOSSIERPOST_ADMIN_PASSWORD", ""));
        subparser.addArgument("--agency").setDefault("000.00.15.H26");
        subparser
                .addArgument("--latency-count")
                .dest("latencyCount")
                .type(Integer.class)
                .setDefault(200);
        subparser
                .addArgument("--scan-kb")
                .dest("scanKb")
                .type(Integer.class)
                .setDefault(200)
                .help("size of the scan uploaded for each required document");
        subparser
                .addArgument("--batch-window-ms")
                .dest("batchWindowMs")
                .type(Integer.class)
                .setDefault(100);
        subparser
                .addArgument("--batch-size")
                .dest("batchSize")
                .type(Integer.class)
                .setDefault(200);
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace ns) throws Exception {
        String base = LoadRun.baseUrl(ns);
        String clerk = LoadRun.basicAuth(ns);
        String admin = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((ns.getString("adminUsername") + ":" + ns.getString("adminPassword"))
                                .getBytes(StandardCharsets.UTF_8));
        String agency = ns.getString("agency");
        int count = ns.getInt("count");
        int latencyCount = ns.getInt("latencyCount");
        int concurrency = ns.getInt("concurrency");
        if (count < 1 || count > 1_000_000 || latencyCount < 0 || concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("--count 1..1000000, --latency-count >= 0, --concurrency 1..256");
        }
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> template = template(client, json, base, clerk, agency);
        byte[] scan = UploadBenchmarkCommand.scanLikePdf(ns.getInt("scanKb") * 1000);
        String secret =
                HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(16));
        Map<String, Long> acceptedAt = new ConcurrentHashMap<>();

        try (AgencySimulator sim = AgencySimulator.builder(secret)
                .threads(32)
                .onFirstDelivery(d -> acceptedAt.put(d.dossierCode(), System.nanoTime()))
                .start()) {
            Map<String, Object> channel = Map.of(
                    "channel",
                    Channel.HTTP.name(),
                    "baseUrl",
                    sim.baseUrl(),
                    "secret",
                    secret,
                    "batchWindowMs",
                    ns.getInt("batchWindowMs"),
                    "batchSize",
                    ns.getInt("batchSize"));
            System.out.printf(
                    Locale.ROOT,
                    "bench-handover: %s, agency %s -> simulator %s; %d dossiers queued then released, "
                            + "%d timed one by one; concurrency %d, batch window %d ms, batch size %d; %d scans of %d kB a dossier%n",
                    base,
                    agency,
                    sim.baseUrl(),
                    count,
                    latencyCount,
                    concurrency,
                    ns.getInt("batchWindowMs"),
                    ns.getInt("batchSize"),
                    ((List<?>) template.get("scan")).size(),
                    scan.length / 1000);

            Load load = new Load(client, json, base, clerk, template, scan, concurrency, acceptedAt);
            // 1. throughput: a backlog released at once
            setAgency(client, json, base, admin, agency, with(channel, "active", false));
            Set<String> queued = ConcurrentHashMap.newKeySet();
            LoadRun.parallel(count, concurrency, i -> queued.add(load.digitised()));
            long released = System.nanoTime();
            setAgency(client, json, base, admin, agency, with(channel, "active", true));
            load.awaitAccepted(queued, released + Duration.ofMinutes(30).toNanos());
            double seconds = (System.nanoTime() - released) / 1e9;
            long got = queued.stream().filter(acceptedAt::containsKey).count();
            System.out.printf(
                    Locale.ROOT,
                    "handover: %d dossiers at the agency in %.2f s = %.0f dossiers/s%n",
                    got,
                    seconds,
                    got / seconds);
            // 2. latency: from the start of intake to the agency's acceptance
            if (latencyCount > 0) {
                latency(load, latencyCount);
            }
            System.out.println("agency simulator: " + sim.stats().summary());
            setAgency(client, json, base, admin, agency, with(channel, "active", false));
        }
    }

    /** The dossiers one run takes in, and when the agency accepted each (the simulator's clock). */
    private record Load(
            HttpClient client,
            ObjectMapper json,
            String base,
            String clerk,
            Map<String, Object> template,
            byte[] scan,
            int concurrency,
            Map<String, Long> acceptedAt) {
        String digitised() throws Exception {
            return HandoverBenchmarkCommand.digitised(client, json, base, clerk, template, scan);
        }

        void awaitAccepted(Set<String> codes, long deadlineNanos) throws InterruptedException {
            while (!acceptedAt.keySet().containsAll(codes) && System.nanoTime() < deadlineNanos) {
                Thread.sleep(20);
            }
        }
    }

    private static void latency(Load load, int latencyCount) throws Exception {
        Map<String, Long> startedAt = new ConcurrentHashMap<>();
        LoadRun.parallel(latencyCount, load.concurrency(), i -> {
            long t0 = System.nanoTime();
            startedAt.put(load.digitised(), t0);
            return null;
        });
        load.awaitAccepted(
                startedAt.keySet(), System.nanoTime() + Duration.ofMinutes(5).toNanos());
        long[] latencies = startedAt.entrySet().stream()
                .filter(e -> load.acceptedAt().containsKey(e.getKey()))
                .mapToLong(e -> load.acceptedAt().get(e.getKey()) - e.getValue())
                .sorted()
                .toArray();
        System.out.printf(
                Locale.ROOT,
                "intake to acknowledgement (%d of %d): p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                latencies.length,
                latencyCount,
                LoadRun.pct(latencies, 50),
                LoadRun.pct(latencies, 95),
                LoadRun.pct(latencies, 99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    /**
     * An intake body for a postal procedure of the agency, every document on its list; under
     * "scan" the codes of the required ones (once those are scanned, the dossier leaves).
     */
    private static Map<String, Object> template(
            HttpClient client, ObjectMapper json, String base, String auth, String agency) throws Exception {
        HttpResponse<String> res = client.send(
                HttpRequest.newBuilder(URI.create(base + "/api/procedures"))
                        .header("Authorization", auth)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, JsonNode> byCode = new java.util.HashMap<>();
        json.readTree(res.body()).forEach(p -> byCode.put(p.get("code").asText(), p));
        Map<String, Object> template = IntakeBenchmarkCommand.templates(client, json, base, auth).stream()
                .filter(t -> agency.equals(byCode.get((String) t.get("procedureCode"))
                        .get("agencyCode")
                        .asText()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no postal procedure of agency " + agency));
        List<String> required = new java.util.ArrayList<>();
        byCode.get((String) template.get("procedureCode")).get("components").forEach(c -> {
            if (c.get("required").asBoolean()) {
                required.add(c.get("code").asText());
            }
        });
        Map<String, Object> withScans = new java.util.HashMap<>(template);
        withScans.put("scan", required);
        return withScans;
    }

    /** Takes in one dossier and scans every document on its list; returns its code. */
    @SuppressWarnings("unchecked")
    private static String digitised(
            HttpClient client, ObjectMapper json, String base, String auth, Map<String, Object> template, byte[] scan)
            throws Exception {
        String code = IntakeBenchmarkCommand.takeIn(client, json, base, auth, template);
        for (String component : (List<String>) template.get("scan")) {
            String error = LoadRun.send(
                    "PUT",
                    base + "/api/dossiers/" + code + "/components/" + component + "/files",
                    auth,
                    UploadBenchmarkCommand.PDF_PART_TYPE,
                    60_000,
                    201,
                    UploadBenchmarkCommand.PDF_PART_HEAD,
                    scan,
                    UploadBenchmarkCommand.PDF_PART_TAIL);
            if (error != null) {
                throw new IllegalStateException("upload answered " + error);
            }
        }
        return code;
    }

    private static void setAgency(
            HttpClient client, ObjectMapper json, String base, String auth, String agency, Map<String, Object> settings)
            throws Exception {
        HttpResponse<String> res = client.send(
                HttpRequest.newBuilder(URI.create(base + "/api/agencies/" + agency))
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(settings)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IllegalStateException(
                    "PUT /api/agencies/" + agency + " answered " + res.statusCode() + ": " + res.body());
        }
    }
}
