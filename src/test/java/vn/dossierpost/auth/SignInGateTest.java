package vn.dossierpost.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Counter;
import com.github.benmanes.caffeine.cache.CaffeineSpec;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import vn.dossierpost.db.SignInLookup;

class SignInGateTest {

    /** Unknown usernames are checked against this hash: it must cost what a real one costs. */
    @Test
    void theDummyHashHasTheConfiguredCost() {
        SignInThrottle throttle = new SignInThrottle(5, Duration.ofMinutes(5));
        SignInGate gate = new SignInGate(
                Jdbi.create("jdbc:postgresql://127.0.0.1:1/unused"), // not connected to by the constructor
                new SignInLookup(null),
                Clock.systemUTC(),
                throttle,
                throttle,
                6,
                CaffeineSpec.parse("maximumSize=10"),
                new Counter());
        assertThat(gate.dummyHash()).startsWith("$2a$06$");
        assertThat(Passwords.hash("mat-khau-8", 6)).startsWith("$2a$06$");
    }
}
