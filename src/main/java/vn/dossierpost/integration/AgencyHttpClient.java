package vn.dossierpost.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dossierpost.api.agency.AgencyReceipt;
import vn.dossierpost.api.agency.DossierManifest;
import vn.dossierpost.service.Refused;
import vn.dossierpost.service.handover.HandoverItem;
import vn.dossierpost.service.handover.SendOutcome;
import vn.dossierpost.storage.BlobStore;

/**
 * The HTTP channel: one {@code POST {baseUrl}/dossiers} per dossier, multipart with the manifest and
 * the files streamed from the blob store, the idempotency key and the manifest's signature. What the
 * answer means is the contract's: 2xx delivered, 409 "already had it" (delivered too), another 4xx a
 * permanent refusal, 5xx or no answer a reason to try again. OkHttp keeps connections to each agency
 * alive between dossiers; it does not retry by itself (the outbox does, with backoff).
 */
public final class AgencyHttpClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgencyHttpClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** An administrator waits for the probe's answer: no longer than this. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    private final OkHttpClient client;
    private final BlobStore store;
    private final ObjectMapper json;

    private final long maxAnswerBytes;

    public AgencyHttpClient(
            BlobStore store,
            ObjectMapper json,
            Duration connectTimeout,
            Duration readTimeout,
            Duration writeTimeout,
            int maxIdleConnections,
            long maxAnswerBytes) {
        this.maxAnswerBytes = maxAnswerBytes;
        this.store = store;
        this.json = json;
        this.client = new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(writeTimeout)
                .connectionPool(new ConnectionPool(maxIdleConnections, 5, TimeUnit.MINUTES))
                .socketFactory(new NoDelaySockets())
                .dns(new NoMetadataDns(Dns.SYSTEM))
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }

    public SendOutcome send(HandoverItem item) {
        HttpUrl base = HttpUrl.parse(item.agency().baseUrl());
        if (base == null) {
            return SendOutcome.permanent(
                    item,
                    "the agency's base URL is not a valid http(s) URL: "
                            + item.agency().baseUrl());
        }
        MultipartBody.Builder body = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("manifest", null, RequestBody.create(item.manifest(), JSON));
        for (DossierManifest.File f : item.parsed().files()) {
            body.addFormDataPart(f.path(), f.name(), new BlobBody(store, f));
        }
        Request request = new Request.Builder()
                .url(base.newBuilder().addPathSegment("dossiers").build())
                .header("Idempotency-Key", item.idempotencyKey())
                .header(
                        "X-Dossierpost-Signature",
                        Signatures.sign(item.manifest(), item.agency().secret()))
                .post(body.build())
                .build();
        try (Response response = client.newCall(request).execute()) {
            String text = BoundedAnswer.text(response.body(), maxAnswerBytes);
            int code = response.code();
            if (response.isSuccessful() || code == 409) {
                return SendOutcome.delivered(item, receipt(item, text));
            }
            String error = "HTTP " + code + " from " + request.url() + ": " + abbreviate(text);
            return code >= 400 && code < 500 ? SendOutcome.permanent(item, error) : SendOutcome.tryAgain(item, error);
        } catch (IOException e) {
            return SendOutcome.tryAgain(
                    item, e.getClass().getSimpleName() + " from " + request.url() + ": " + e.getMessage());
        }
    }

    /**
     * {@code POST {baseUrl}/notices} with the notice as JSON, signed like a manifest and keyed by its
     * event id. 2xx or 409 is done; another 4xx is {@link Refused}; a 5xx or no
     * answer throws to be tried again.
     */
    public void sendNotice(AgencyNoticeSender.Notice notice) throws IOException {
        HttpUrl base = HttpUrl.parse(notice.agency().baseUrl());
        if (base == null) {
            throw new Refused("the agency's base URL is not a valid http(s) URL: "
                    + notice.agency().baseUrl());
        }
        byte[] body = notice.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Request request = new Request.Builder()
                .url(base.newBuilder().addPathSegment("notices").build())
                .header("Idempotency-Key", json.readTree(body).path("eventId").asText())
                .header(
                        "X-Dossierpost-Signature",
                        Signatures.sign(body, notice.agency().secret()))
                .post(RequestBody.create(body, JSON))
                .build();
        try (Response response = client.newCall(request).execute()) {
            int code = response.code();
            if (response.isSuccessful() || code == 409) {
                return;
            }
            String error = "HTTP " + code + " from " + request.url() + ": "
                    + abbreviate(BoundedAnswer.text(response.body(), maxAnswerBytes));
            // 408 and 429 say "later", not "never": a notice the agency must get is not given up on them
            if (code >= 400 && code < 500 && code != 408 && code != 429) {
                throw new Refused(error);
            }
            throw new IOException(error);
        }
    }

    /**
     * The administrator's "test connection": {@code POST {baseUrl}/probe} with a small JSON body
     * ({@code probeId}, {@code at}) signed like a manifest. A 2xx says the agency is reachable and
     * shares the secret; anything else is shown as it came, with how long it took.
     */
    public ConnectionCheck probe(String baseUrl, String secret, String probeId, String at) {
        HttpUrl base = baseUrl == null ? null : HttpUrl.parse(baseUrl);
        if (base == null) {
            return ConnectionCheck.failed("địa chỉ sai", 0, "the base URL is not a valid http(s) URL: " + baseUrl);
        }
        if (secret == null || secret.isEmpty()) {
            return ConnectionCheck.failed("chưa có khóa", 0, "no secret is set: the probe cannot be signed");
        }
        byte[] body = ("{\"probeId\":\"" + probeId + "\",\"at\":\"" + at + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Request request = new Request.Builder()
                .url(base.newBuilder().addPathSegment("probe").build())
                .header("X-Dossierpost-Signature", Signatures.sign(body, secret))
                .post(RequestBody.create(body, JSON))
                .build();
        long started = System.nanoTime();
        OkHttpClient quick = client.newBuilder().callTimeout(PROBE_TIMEOUT).build();
        try (Response response = quick.newCall(request).execute()) {
            String text = abbreviate(BoundedAnswer.text(response.body(), maxAnswerBytes));
            long millis = (System.nanoTime() - started) / 1_000_000;
            String status = "HTTP " + response.code();
            return response.isSuccessful()
                    ? ConnectionCheck.ok(status, millis, request.url() + ": " + text)
                    : ConnectionCheck.failed(status, millis, request.url() + ": " + text);
        } catch (IOException e) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            return ConnectionCheck.failed(
                    "không trả lời",
                    millis,
                    e.getClass().getSimpleName() + " from " + request.url() + ": " + e.getMessage());
        }
    }

    /** The agency's receipt; an answer without one (a bare 409) still means the agency has the dossier. */
    private AgencyReceipt receipt(HandoverItem item, String text) {
        try {
            AgencyReceipt r = json.readValue(text, AgencyReceipt.class);
            return new AgencyReceipt(item.dossierCode(), r.receiptNumber(), r.receivedAt());
        } catch (IOException | RuntimeException e) {
            LOG.info(
                    "agency {} acknowledged {} without a readable receipt: {}",
                    item.agency().code(),
                    item.dossierCode(),
                    abbreviate(text));
            return new AgencyReceipt(item.dossierCode(), null, null);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** A file part streamed from the blob store: no copy in memory, length known in advance. */
    private static final class BlobBody extends RequestBody {
        private final BlobStore store;
        private final DossierManifest.File file;

        BlobBody(BlobStore store, DossierManifest.File file) {
            this.store = store;
            this.file = file;
        }

        @Override
        public MediaType contentType() {
            return MediaType.parse(file.contentType());
        }

        @Override
        public long contentLength() {
            return file.size();
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            store.copy(file.sha256(), 0, file.size(), sink.outputStream());
        }
    }
}
