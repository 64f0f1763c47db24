package vn.dossierpost.agencysim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code POST {basePath}/notices}: the post telling the agency what became of a result (delivered
 * to the applicant, or returned). Checked like a dossier — the signature over the body, the
 * idempotency key equal to the event id, the body against the published {@code Notice} schema — and
 * kept once per event id: 201 the first time, 409 after.
 * {@code GET} lists what was received.
 */
final class NoticeHandler implements HttpHandler {
    private final String path;
    private final ObjectMapper json;
    private final Signatures signatures;
    private final Map<String, JsonNode> received = new ConcurrentHashMap<>();

    NoticeHandler(String path, ObjectMapper json, Signatures signatures) {
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
            if (exchange.getRequestMethod().equals("GET")) {
                JsonAnswer.of(json, 200, received()).send(exchange);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!signatures.verify(body, exchange.getRequestHeaders().getFirst("X-Dossierpost-Signature"))) {
                JsonAnswer.message(json, 400, "X-Dossierpost-Signature does not match the body")
                        .send(exchange);
                return;
            }
            JsonNode notice;
            try {
                notice = json.readTree(body);
            } catch (IOException e) {
                JsonAnswer.message(json, 400, "the body is not JSON").send(exchange);
                return;
            }
            List<String> problems = AgencyContract.published().problems(AgencyContract.NOTICE, notice, "body");
            if (!problems.isEmpty()) {
                JsonAnswer.message(json, 400, String.join("; ", problems)).send(exchange);
                return;
            }
            String eventId = notice.path("eventId").asText("");
            if (!eventId.equals(exchange.getRequestHeaders().getFirst("Idempotency-Key"))) {
                JsonAnswer.message(json, 400, "Idempotency-Key must be the notice's eventId")
                        .send(exchange);
                return;
            }
            boolean first = received.putIfAbsent(eventId, notice) == null;
            JsonAnswer.message(json, first ? 201 : 409, first ? "noted" : "already noted")
                    .send(exchange);
        }
    }

    List<JsonNode> received() {
        return new ArrayList<>(received.values());
    }
}
