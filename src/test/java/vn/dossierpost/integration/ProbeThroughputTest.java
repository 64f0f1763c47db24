package vn.dossierpost.integration;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.agencysim.AgencySimulator;
import vn.dossierpost.auth.Role;
import vn.dossierpost.support.*;

@ExtendWith(DropwizardExtensionsSupport.class)
class ProbeThroughputTest {
    static final TestApp APP = new TestApp(io.dropwizard.testing.ConfigOverride.config("logging.loggers.vn\\.dossierpost", "INFO"), io.dropwizard.testing.ConfigOverride.config("handover.senderThreads", System.getProperty("senders", "8")));
    static final io.dropwizard.testing.junit5.DropwizardAppExtension<?> EXT = APP.extension();

    @Test
    void probe() throws Exception {
        APP.addUser("c", Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser("admin", Role.ADMIN, null, null);
        var codes = Handovers.copiesOf(APP, Handovers.digitised(APP, "c", 1), 2000);
        try (AgencySimulator sim = AgencySimulator.builder(Handovers.SECRET).start()) {
            long t0 = System.nanoTime();
            Handovers.http(APP, "admin", Dossiers.AGENCY, sim.baseUrl());
            Handovers.await(() -> sim.stats().distinctDossiers() >= 2001, Duration.ofSeconds(120), () -> sim.stats().summary());
            long t1 = System.nanoTime();
            System.out.printf("PROBE %d dossiers at the agency in %d ms: %s%n", 2001, (t1 - t0) / 1_000_000, sim.stats().summary());
        }
    }
}
