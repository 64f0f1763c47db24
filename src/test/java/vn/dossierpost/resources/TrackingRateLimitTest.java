package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.support.TestApp;

@ExtendWith(DropwizardExtensionsSupport.class)
class TrackingRateLimitTest {
    static final TestApp APP = new TestApp(ConfigOverride.config("tracking.burst", "5"), ConfigOverride.config("tracking.requestsPerMinute", "1"));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();

    @Test
    void answers429PastTheBurstWithRetryAfter() {
        int ok = 0;
        Response limited = null;
        for (int i = 0; i < 8; i++) {
            Response res = EXT.client().target(APP.url("/api/track/EH473124829VN")).request().get();
            if (res.getStatus() == 404) {
                ok++;
                res.close();
            } else {
                limited = res;
            }
        }
        assertThat(ok).isEqualTo(5);
        assertThat(limited).isNotNull();
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getHeaderString("Retry-After")).isEqualTo("60");
    }
}
