package vn.dossierpost.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code bench-intake --url http://127.0.0.1:8080 --username U --password P --concurrency 32 --count 20000}:
 * drives {@code POST /api/dossiers} over HTTP with complete, varied dossiers for every procedure the
 * post may take, and prints throughput and latency percentiles. A warm-up (10% of the count, at
 * least 200) is not measured. It stops after {@code --count} requests.
 */
public class IntakeBenchmarkCommand extends Command {
    private static final String[] FAMILY = {
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"
    };
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Minh", "Ngọc", "Đức", "Thu", "Quốc"};
    private static final String[] GIVEN = {
        "An", "Bình", "Chi", "Dũng", "Hằng", "Hương", "Khánh", "Lan", "Nhung", "Phúc", "Quỳnh", "Tuấn"
    };

    public IntakeBenchmarkCommand() {
        super("bench-intake", "Measure intake throughput and latency against a running service");
    }

    @Override
    public void configure(Subparser subparser) {
        LoadRun.addServiceArguments(subparser, 32, 20_000);
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace ns) throws Exception {
        String base = LoadRun.baseUrl(ns);
        int concurrency = ns.getInt("concurrency");
        int count = ns.getInt("count");
        if (concurrency < 1 || concurrency > 1024 || count < 1 || count > 10_000_000) {
            throw new IllegalArgumentException("--concurrency 1..1024, --count 1..10000000");
        }
        String auth = LoadRun.basicAuth(ns);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        ObjectMapper json = new ObjectMapper();

        List<Map<String, Object>> templates = templates(client, json, base, auth);
        int warmup = Math.max(200, count / 10);
        System.out.printf(
                "bench-intake: %s, %d procedures, concurrency %d, warm-up %d, count %d%n",
                base, templates.size(), concurrency, warmup, count);
        run(json, base, auth, templates, concurrency, warmup);
        LoadRun.Result r = run(json, base, auth, templates, concurrency, count);
        System.out.printf(
                Locale.ROOT,
                "requests %d, failures %d, elapsed %.2f s, throughput %.1f intakes/s%n",
                r.count(),
                r.failures(),
                r.seconds(),
                r.count() / r.seconds());
        r.printLatencies(System.out);
    }

    /** One intake body per postal-channel procedure, with every document its list requires. */
    static List<Map<String, Object>> templates(HttpClient client, ObjectMapper json, String base, String auth)
            throws Exception {
        HttpResponse<String> res = client.send(
                HttpRequest.newBuilder(URI.create(base + "/api/procedures"))
                        .header("Authorization", auth)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IllegalStateException("GET /api/procedures answered " + res.statusCode() + ": " + res.body());
        }
        HttpResponse<String> offices = client.send(
                HttpRequest.newBuilder(URI.create(base + "/api/offices"))
                        .header("Authorization", auth)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String communeCode =
                json.readTree(offices.body()).get(0).get("communeCode").asText();
        List<Map<String, Object>> templates = new ArrayList<>();
        for (JsonNode p : json.readTree(res.body())) {
            if (!p.get("postalAllowed").asBoolean()) {
                continue;
            }
            List<Map<String, Object>> components = new ArrayList<>();
            for (JsonNode c : p.get("components")) {
                components.add(Map.of(
                        "code", c.get("code").asText(), "form", c.get("form").asText(), "pages", 2));
            }
            templates.add(Map.of(
                    "procedureCode", p.get("code").asText(), "components", components, "communeCode", communeCode));
        }
        return templates;
    }

    private static LoadRun.Result run(
            ObjectMapper json,
            String base,
            String auth,
            List<Map<String, Object>> templates,
            int concurrency,
            int count)
            throws Exception {
        return LoadRun.measure(
                count,
                concurrency,
                i -> LoadRun.send(
                        "POST",
                        base + "/api/dossiers",
                        auth,
                        "application/json",
                        30_000,
                        201,
                        json.writeValueAsBytes(body(templates.get(i % templates.size())))));
    }

    /** Takes in one dossier made from the template (not timed); returns its code. */
    static String takeIn(HttpClient client, ObjectMapper json, String base, String auth, Map<String, Object> template)
            throws Exception {
        HttpResponse<String> res = client.send(
                HttpRequest.newBuilder(URI.create(base + "/api/dossiers"))
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body(template))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 201) {
            throw new IllegalStateException("intake answered " + res.statusCode() + ": " + res.body());
        }
        return json.readTree(res.body()).get("code").asText();
    }

    static Map<String, Object> body(Map<String, Object> template) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String name = FAMILY[r.nextInt(FAMILY.length)] + " " + MIDDLE[r.nextInt(MIDDLE.length)] + " "
                + GIVEN[r.nextInt(GIVEN.length)];
        String citizenId = String.format("001%d%02d%06d", r.nextInt(2), r.nextInt(100), r.nextInt(1_000_000));
        String phone = "09" + String.format("%08d", r.nextInt(100_000_000));
        Map<String, Object> address = Map.of(
                "street", "Số " + (1 + r.nextInt(200)) + " phố Hàng Bông", "communeCode", template.get("communeCode"));
        return Map.of(
                "procedureCode", template.get("procedureCode"),
                "serviceForm", "SEND_AND_RETURN",
                "applicant",
                        Map.of(
                                "fullName",
                                name,
                                "citizenId",
                                citizenId,
                                "phone",
                                phone,
                                "email",
                                "nguoidan@example.vn",
                                "address",
                                address),
                "delivery", Map.of("method", "HOME", "address", address),
                "components", template.get("components"));
    }
}
