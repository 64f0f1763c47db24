package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.support.TestApp;

/** Uses the JDK client: the test's Apache client would itself wait out Retry-After and retry. */
@ExtendWith(DropwizardExtensionsSupport.class)
class TrackingRateLimitTest {
    static final TestApp APP = new TestApp(
            ConfigOverride.config("tracking.burst", "5"), ConfigOverride.config("tracking.requestsPerMinute", "1"));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    @Test
    void answers429PastTheBurstWithRetryAfter() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // no trusted proxy configured: a made-up X-Forwarded-For does not give a fresh budget
            responses.add(client.send(
                    HttpRequest.newBuilder(URI.create(APP.url("/api/track/EH473124829VN")))
                            .header("X-Forwarded-For", "203.0.113." + i)
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        assertThat(responses)
                .extracting(HttpResponse::statusCode)
                .containsExactly(404, 404, 404, 404, 404, 429, 429, 429);
        HttpResponse<String> limited = responses.get(7);
        assertThat(limited.headers().firstValue("Retry-After")).contains("60");
        assertThat(limited.body()).contains("too many tracking requests");

        // the public page shares the limit (one budget per address) and says it in words
        HttpResponse<String> page = client.send(
                HttpRequest.newBuilder(URI.create(APP.url("/tra-cuu/EH473124829VN")))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Retry-After")).contains("60");
        assertThat(page.body()).contains("Xin chờ một chút", "60 giây");
    }
}
