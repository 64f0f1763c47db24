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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.TimeUnit;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code bench-intake --url http://127.0.0.1:8080 --username U --password P --concurrency 32 --count 20000}:
 * drives {@code POST /api/dossiers} over HTTP with complete, varied dossiers for every procedure the
 * post may take, and prints throughput and latency percentiles. A warm-up (10% of the count, at
 * least 200) is not measured. It stops after {@code --count} requests.
 */
public class IntakeBenchmarkCommand extends Command {
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Minh", "Ngọc", "Đức", "Thu", "Quốc"};
    private static final String[] GIVEN = {"An", "Bình", "Chi", "Dũng", "Hằng", "Hương", "Khánh", "Lan", "Nhung", "Phúc", "Quỳnh", "Tuấn"};

    public IntakeBenchmarkCommand() {
        super("bench-intake", "Measure intake throughput and latency against a running service");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--url").setDefault("http://127.0.0.1:8080");
        subparser.addArgument("--username").required(true).help("a COUNTER user");
        subparser.addArgument("--password").setDefault(System.getenv().getOrDefault("DOSSIERPOST_PASSWORD", ""));
        subparser.addArgument("--concurrency").type(Integer.class).setDefault(32);
        subparser.addArgument("--count").type(Integer.class).setDefault(20_000);
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace ns) throws Exception {
        String base = ns.getString("url").replaceAll("/+$", "");
        int concurrency = ns.getInt("concurrency");
        int count = ns.getInt("count");
        if (concurrency < 1 || concurrency > 1024 || count < 1 || count > 10_000_000) {
            throw new IllegalArgumentException("--concurrency 1..1024, --count 1..10000000");
        }
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                (ns.getString("username") + ":" + ns.getString("password")).getBytes(StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper();

        List<Map<String, Object>> templates = templates(client, json, base, auth);
        int warmup = Math.max(200, count / 10);
        System.out.printf("bench-intake: %s, %d procedures, concurrency %d, warm-up %d, count %d%n",
                base, templates.size(), concurrency, warmup, count);
        run(json, base, auth, templates, concurrency, warmup);
        Result r = run(json, base, auth, templates, concurrency, count);
        r.print(System.out);
    }

    /** One intake body per postal-channel procedure, with every document its list requires. */
    static List<Map<String, Object>> templates(HttpClient client, ObjectMapper json, String base, String auth) throws Exception {
        HttpResponse<String> res = client.send(HttpRequest.newBuilder(URI.create(base + "/api/procedures"))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IllegalStateException("GET /api/procedures answered " + res.statusCode() + ": " + res.body());
        }
        HttpResponse<String> offices = client.send(HttpRequest.newBuilder(URI.create(base + "/api/offices"))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
        String communeCode = json.readTree(offices.body()).get(0).get("communeCode").asText();
        List<Map<String, Object>> templates = new ArrayList<>();
        for (JsonNode p : json.readTree(res.body())) {
            if (!p.get("postalAllowed").asBoolean()) {
                continue;
            }
            List<Map<String, Object>> components = new ArrayList<>();
            for (JsonNode c : p.get("components")) {
                components.add(Map.of("code", c.get("code").asText(), "form", c.get("form").asText(), "pages", 2));
            }
            templates.add(Map.of("procedureCode", p.get("code").asText(), "components", components, "communeCode", communeCode));
        }
        return templates;
    }

    private static Result run(ObjectMapper json, String base, String auth, List<Map<String, Object>> templates,
                              int concurrency, int count) throws InterruptedException {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicLong firstError = new AtomicLong(-1);
        String[] errorText = new String[1];
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    try {
                        byte[] body = json.writeValueAsBytes(body(templates.get(i % templates.size())));
                        long t0 = System.nanoTime();
                        String error = post(base + "/api/dossiers", auth, body);
                        latencies[i] = System.nanoTime() - t0;
                        if (error != null) {
                            failures.incrementAndGet();
                            if (firstError.compareAndSet(-1, i)) errorText[0] = error;
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        if (firstError.compareAndSet(-1, i)) errorText[0] = e.toString();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(2, TimeUnit.HOURS)) {
            pool.shutdownNow();
        }
        return new Result(count, System.nanoTime() - start, latencies, failures.get(), errorText[0]);
    }

    /**
     * One intake; null when it was taken in, else what went wrong. HttpURLConnection (keep-alive,
     * fixed-length body) costs the load generator far less CPU than the JDK HttpClient, and the
     * generator shares the machine with the service.
     */
    private static String post(String url, String auth, byte[] body) throws java.io.IOException {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setConnectTimeout(5_000);
        c.setReadTimeout(30_000);
        c.setFixedLengthStreamingMode(body.length);
        c.setRequestProperty("Authorization", auth);
        c.setRequestProperty("Content-Type", "application/json");
        try (java.io.OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        int status = c.getResponseCode();
        try (java.io.InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            String answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return status == 201 ? null : status + " " + answer;
        }
    }

    static Map<String, Object> body(Map<String, Object> template) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String name = FAMILY[r.nextInt(FAMILY.length)] + " " + MIDDLE[r.nextInt(MIDDLE.length)] + " " + GIVEN[r.nextInt(GIVEN.length)];
        String citizenId = String.format("001%d%02d%06d", r.nextInt(2), r.nextInt(100), r.nextInt(1_000_000));
        String phone = "09" + String.format("%08d", r.nextInt(100_000_000));
        Map<String, Object> address = Map.of("street", "Số " + (1 + r.nextInt(200)) + " phố Hàng Bông", "communeCode", template.get("communeCode"));
        return Map.of(
                "procedureCode", template.get("procedureCode"),
                "serviceForm", "SEND_AND_RETURN",
                "applicant", Map.of("fullName", name, "citizenId", citizenId, "phone", phone, "email", "nguoidan@example.vn", "address", address),
                "delivery", Map.of("method", "HOME", "address", address),
                "components", template.get("components"));
    }

    private record Result(int count, long elapsedNanos, long[] latencies, int failures, String firstError) {
        void print(java.io.PrintStream out) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            double seconds = elapsedNanos / 1e9;
            out.printf("requests %d, failures %d, elapsed %.2f s, throughput %.1f intakes/s%n", count, failures, seconds, count / seconds);
            out.printf("latency ms: p50 %.2f, p95 %.2f, p99 %.2f, max %.2f%n",
                    pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
            if (firstError != null) {
                out.println("first failure: " + firstError);
            }
        }

        private static double pct(long[] sorted, double p) {
            int idx = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1e6;
        }
    }
}
