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
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.service.SharedRateLimits;
import vn.dossierpost.support.TestApp;

/**
 * The tracking limit kept in PostgreSQL (tracking.sharedLimits) behind a trusted proxy (the test
 * client on 127.0.0.1 stands for it): one budget per client named in X-Forwarded-For, whichever node
 * counts it — here the service and a second counter on the same database, as another node would be.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SharedTrackingLimitTest {
    static final TestApp APP = new TestApp(
            ConfigOverride.config("tracking.burst", "5"),
            ConfigOverride.config("tracking.requestsPerMinute", "1"),
            ConfigOverride.config("tracking.sharedLimits", "true"),
            ConfigOverride.config("tracking.trustedProxies", "127.0.0.0/8,::1"));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aClientsBudgetIsOneAcrossNodes() throws Exception {
        Predicate<String> otherNode = new SharedRateLimits(APP.jdbi()).bucket("tracking", 1, 5);
        assertThat(otherNode.test("203.0.113.7")).isTrue();
        assertThat(otherNode.test("203.0.113.7")).isTrue();
        assertThat(otherNode.test("203.0.113.7")).isTrue();

        assertThat(statuses("203.0.113.7", 4)).containsExactly(404, 404, 429, 429);
        assertThat(otherNode.test("203.0.113.7")).as("spent on this node too").isFalse();
    }

    @Test
    void eachClientBehindTheProxyHasItsOwnBudgetAndCannotForgeAnother() throws Exception {
        assertThat(statuses("198.51.100.20", 6)).containsExactly(404, 404, 404, 404, 404, 429);
        assertThat(statuses("198.51.100.21", 1)).as("another client").containsExactly(404);
        // the client writes a made-up address of its own; the proxy appends the real one
        assertThat(statuses("1.2.3.4, 198.51.100.20", 1)).containsExactly(429);
    }

    private List<Integer> statuses(String forwardedFor, int n) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            statuses.add(client.send(
                            HttpRequest.newBuilder(URI.create(APP.url("/api/track/EH473124829VN")))
                                    .header("X-Forwarded-For", forwardedFor)
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode());
        }
        return statuses;
    }
}
