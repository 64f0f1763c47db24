package vn.dossierpost.agencysim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code POST {basePath}/probe}: the administrator's "test connection". The body is a small JSON
 * object ({@code probeId}, {@code at}) signed like a manifest; 200 when the signature matches (the
 * agency is reachable and shares the post's secret), 400 naming what is wrong otherwise. Nothing is
 * recorded: a probe is not a dossier.
 */
final class ProbeHandler implements HttpHandler {
    private final String path;
    private final ObjectMapper json;
    private final Signatures signatures;

    ProbeHandler(String path, ObjectMapper json, Signatures signatures) {
        this.path = path;
        this.json = json;
        this.signatures = signatures;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                JsonAnswer.message(
                                json,
                                404,
                                "no such resource: " + exchange.getRequestURI().getPath())
                        .send(exchange);
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                JsonAnswer.message(json, 405, "only POST is taken here").send(exchange);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!signatures.verify(body, exchange.getRequestHeaders().getFirst("X-Dossierpost-Signature"))) {
                JsonAnswer.message(json, 400, "X-Dossierpost-Signature does not match the body (another secret?)")
                        .send(exchange);
                return;
            }
            JsonNode probe;
            try {
                probe = json.readTree(body);
            } catch (IOException e) {
                JsonAnswer.message(json, 400, "the body is not JSON").send(exchange);
                return;
            }
            List<String> problems = AgencyContract.published().problems(AgencyContract.PROBE, probe, "body");
            if (!problems.isEmpty()) {
                JsonAnswer.message(json, 400, String.join("; ", problems)).send(exchange);
                return;
            }
            JsonAnswer.of(
                            json,
                            200,
                            Map.of(
                                    "message",
                                    "signature verified",
                                    "probeId",
                                    probe.path("probeId").asText("")))
                    .send(exchange);
        }
    }
}
