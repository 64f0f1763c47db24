package vn.dossierpost.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import vn.dossierpost.service.Refused;
import vn.dossierpost.service.notify.NotificationDelivery;

/**
 * The SMS gateway: {@code POST <url>} with {@code {"to": "+84...", "text": "..."}} and the API key in a
 * header. 2xx is sent. 4xx (other than 408 and 429) is refused for good (a number the gateway will
 * never take); 5xx, 408, 429 and I/O errors are thrown to be tried again by the route. OkHttp does
 * not retry by itself: the notification row does, with backoff.
 */
public final class SmsGateway implements AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;
    private final ObjectMapper json;
    private final HttpUrl url;
    private final String keyHeader;
    private final String key;

    private final long maxAnswerBytes;

    public SmsGateway(
            String url, String keyHeader, String key, Duration timeout, ObjectMapper json, long maxAnswerBytes) {
        this.maxAnswerBytes = maxAnswerBytes;
        this.url = HttpUrl.parse(url);
        if (this.url == null) {
            throw new IllegalArgumentException("notifications.sms.url is not an http(s) URL: " + url);
        }
        this.keyHeader = keyHeader;
        this.key = key;
        this.json = json;
        this.client = new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }

    public void send(NotificationDelivery.Message message) throws IOException {
        byte[] body;
        try {
            body = json.writeValueAsBytes(Map.of("to", message.recipient(), "text", message.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(body, JSON));
        if (key != null && !key.isEmpty()) {
            request.header(keyHeader, key);
        }
        try (Response response = client.newCall(request.build()).execute()) {
            if (response.isSuccessful()) {
                return;
            }
            int code = response.code();
            String text = BoundedAnswer.text(response.body(), maxAnswerBytes);
            String error = "SMS gateway answered HTTP " + code + ": "
                    + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
            if (code >= 400 && code < 500 && code != 408 && code != 429) {
                throw new Refused(error);
            }
            throw new IOException(error);
        }
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
