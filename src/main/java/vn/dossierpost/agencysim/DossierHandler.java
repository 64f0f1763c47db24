package vn.dossierpost.agencysim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /dossiers}: what a careful agency does with one dossier. Reads the whole body, checks
 * signature, idempotency key and every file against the manifest (400 naming what is wrong), then
 * answers 201 with a new receipt or 409 with the old one. Dialled-in faults: a 500 before anything
 * is recorded, and a delay after the body is read and the dossier recorded, so a client that gives up
 * waiting has still delivered.
 */
final class DossierHandler implements HttpHandler {
    static final String SIGNATURE = "X-Dossierpost-Signature";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(AgencySimulator.class);

    private final String path;
    private final ObjectMapper json;
    private final Signatures signatures;
    private final ReceiptLedger ledger;
    private final Counters counters;
    private final Faults faults;

    DossierHandler(
            String path,
            ObjectMapper json,
            Signatures signatures,
            ReceiptLedger ledger,
            Counters counters,
            Faults faults) {
        this.path = path;
        this.json = json;
        this.signatures = signatures;
        this.ledger = ledger;
        this.counters = counters;
        this.faults = faults;
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
                exchange.getResponseHeaders().set("Allow", "POST");
                JsonAnswer.message(json, 405, "only POST is taken here").send(exchange);
                return;
            }
            counters.requests.increment();
            JsonAnswer answer = faults.failNow() ? failOnPurpose(exchange) : receive(exchange);
            if (faults.pause()) {
                return; // closing: leave without an answer
            }
            answer.send(exchange);
        } catch (IOException e) {
            log.debug("agency-sim: connection lost: {}", e.toString()); // e.g. the client timed out during a delay
        } catch (RuntimeException e) { // the JDK server would drop the connection without a word
            log.error("agency-sim: a request to {} failed", path, e);
            throw e;
        }
    }

    private JsonAnswer failOnPurpose(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream()); // read it all, as a real server would before failing
        }
        counters.failedOnPurpose.increment();
        log.info("agency-sim: failing a request on purpose (fail rate {})", faults.failRate());
        return JsonAnswer.message(json, 500, "the agency is failing on purpose (fail rate " + faults.failRate() + ")");
    }

    private JsonAnswer receive(HttpExchange exchange) throws IOException {
        try {
            ReceivedBody body;
            try (InputStream in = exchange.getRequestBody()) {
                body = ReceivedBody.read(exchange.getRequestHeaders().getFirst("Content-Type"), in);
            }
            Manifest manifest = verify(
                    body,
                    exchange.getRequestHeaders().getFirst(SIGNATURE),
                    exchange.getRequestHeaders().getFirst(IDEMPOTENCY_KEY));
            List<String> fileNames = new ArrayList<>();
            manifest.files()
                    .forEach(f -> fileNames.add(body.files().get(f.path()).fileName()));
            ReceiptLedger.Outcome outcome = ledger.deliver(manifest, fileNames);
            Receipt receipt = outcome.delivery().receipt();
            if (outcome.first()) {
                counters.accepted.increment();
                log.info(
                        "agency-sim: received {} ({}, {} files {}): receipt {}",
                        manifest.key(),
                        manifest.applicantName(),
                        fileNames.size(),
                        fileNames,
                        receipt.receiptNumber());
                return JsonAnswer.of(json, 201, receipt);
            }
            counters.duplicates.increment();
            boolean again = faults.ackTwice();
            log.info(
                    "agency-sim: {} again, answering {} with receipt {}",
                    manifest.key(),
                    again ? 201 : 409,
                    receipt.receiptNumber());
            return JsonAnswer.of(json, again ? 201 : 409, receipt);
        } catch (Rejection r) {
            counters.rejected.increment();
            log.warn(
                    "agency-sim: rejected a dossier (key {}): {}",
                    exchange.getRequestHeaders().getFirst(IDEMPOTENCY_KEY),
                    r.getMessage());
            return JsonAnswer.message(json, 400, r.getMessage());
        }
    }

    /**
     * Signature first (nothing in an unsigned manifest is trusted), then the manifest against the
     * published schema, then the key, then the files.
     */
    private Manifest verify(ReceivedBody body, String signature, String key) throws Rejection {
        if (signature == null) {
            throw new Rejection(SIGNATURE + ": missing");
        }
        if (!signatures.verify(body.manifest(), signature)) {
            throw new Rejection(
                    SIGNATURE + ": does not match the HMAC-SHA256 of the manifest part with the agency's secret");
        }
        JsonNode parsed = Manifest.parseJson(json, body.manifest(), "the manifest part");
        AgencyContract.published().check(AgencyContract.DOSSIER_MANIFEST, parsed, "manifest");
        Manifest manifest = Manifest.of(parsed, "manifest");
        List<String> problems = new ArrayList<>();
        if (key == null) {
            problems.add(IDEMPOTENCY_KEY + ": missing (expected " + manifest.key() + ")");
        } else if (!key.equals(manifest.key())) {
            problems.add(IDEMPOTENCY_KEY + ": '" + key + "' is not <dossierCode>/<handoverNo> of the manifest, "
                    + manifest.key());
        }
        problems.addAll(manifest.compare(body.digests(), "part"));
        problems.addAll(Manifest.unlisted(body.files().keySet(), List.of(manifest), "part"));
        if (!problems.isEmpty()) {
            throw new Rejection(problems);
        }
        return manifest;
    }
}
