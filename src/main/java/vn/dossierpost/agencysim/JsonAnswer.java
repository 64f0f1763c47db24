package vn.dossierpost.agencysim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** An HTTP answer of the simulator: a status and a JSON body (UTF-8), written in one go. */
record JsonAnswer(int status, byte[] body) {

    static JsonAnswer of(ObjectMapper json, int status, Object body) {
        try {
            return new JsonAnswer(status, json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body, e);
        }
    }

    static JsonAnswer message(ObjectMapper json, int status, String message) {
        return of(json, status, Map.of("message", message));
    }

    void send(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
