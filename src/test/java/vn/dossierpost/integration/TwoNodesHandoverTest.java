package vn.dossierpost.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.ScriptedAgency;
import vn.dossierpost.support.TestApp;

/**
 * Two service instances on one database, as two nodes behind a load balancer: dossiers are taken in
 * on both, both nodes' routes hand over, and every dossier ends up in exactly one handover, delivered
 * once, with one idempotency key at the agency.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class TwoNodesHandoverTest {
    static final int DOSSIERS = 2000;
    /** Longer than sending a whole batch takes on a loaded 2-core machine, so no lease runs out mid-send. */
    static final ConfigOverride LEASE = ConfigOverride.config("handover.lease", "20s");

    static final TestApp NODE_A = new TestApp(LEASE);
    static final DropwizardAppExtension<?> EXT_A = NODE_A.extension();
    static final TestApp NODE_B = TestApp.sharingDatabaseWith(NODE_A, LEASE);
    static final DropwizardAppExtension<?> EXT_B = NODE_B.extension();
    static final ScriptedAgency AGENCY = new ScriptedAgency();
    static MockWebServer server;

    @BeforeAll
    static void setUp() throws Exception {
        NODE_A.addUser("clerk.hn", Role.COUNTER, Dossiers.OFFICE, null);
        NODE_A.addUser("admin", Role.ADMIN, null, null);
        server = new MockWebServer();
        server.setDispatcher(AGENCY);
        server.start();
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    @Test
    void everyDossierIsInExactlyOneSuccessfulHandover() throws Exception {
        // queued while the agency has no channel yet: one scanned at the counter, the rest copies of it
        List<String> codes =
                new ArrayList<>(Handovers.copiesOf(NODE_A, Handovers.digitised(NODE_B, "clerk.hn", 1), DOSSIERS - 1));
        codes.add(NODE_A.jdbi()
                .withHandle(h -> h.createQuery("SELECT code FROM dossier WHERE code NOT LIKE '%-991231-%'")
                        .mapTo(String.class)
                        .one()));
        assertThat(delivered()).isZero();

        // the channel set through node A; node B learns of it from its periodic sync of the agency rows
        long t0 = System.nanoTime();
        Handovers.http(NODE_A, "admin", Dossiers.AGENCY, server.url("/").toString());
        Handovers.await(
                () -> delivered() == DOSSIERS,
                Duration.ofSeconds(120),
                () -> delivered() + " of " + DOSSIERS + " delivered");

        System.out.printf(
                "[TwoNodesHandoverTest] %d dossiers delivered %d ms after the channel was set%n",
                DOSSIERS, (System.nanoTime() - t0) / 1_000_000);
        Map<String, Long> itemsPerDossier = NODE_A.jdbi()
                .withHandle(h -> h
                        .createQuery(
                                "SELECT d.code, count(i.*) FILTER (WHERE i.state = 'DELIVERED') AS n FROM dossier d "
                                        + "LEFT JOIN handover_item i ON i.dossier_id = d.id GROUP BY d.code")
                        .map((rs, ctx) -> Map.entry(rs.getString("code"), rs.getLong("n")))
                        .list()
                        .stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(itemsPerDossier).hasSize(DOSSIERS).containsOnlyKeys(codes);
        assertThat(itemsPerDossier.values())
                .as("successful handovers per dossier")
                .containsOnly(1L);
        long deliveredEvents = NODE_A.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM dossier_event WHERE type = 'DELIVERED_TO_AGENCY'")
                        .mapTo(Long.class)
                        .one());
        assertThat(deliveredEvents).isEqualTo(DOSSIERS);

        List<RecordedRequest> received = AGENCY.received();
        Map<String, List<String>> keysByDossier = received.stream()
                .map(r -> r.getHeaders().get("Idempotency-Key"))
                .distinct()
                .collect(Collectors.groupingBy(k -> k.substring(0, k.indexOf('/'))));
        assertThat(keysByDossier).hasSize(DOSSIERS);
        assertThat(keysByDossier.values())
                .as("distinct keys per dossier at the agency")
                .allMatch(keys -> keys.size() == 1);

        long byA = EXT_A.getEnvironment()
                .metrics()
                .meter("handover.dossiers.delivered")
                .getCount();
        long byB = EXT_B.getEnvironment()
                .metrics()
                .meter("handover.dossiers.delivered")
                .getCount();
        System.out.printf(
                "[TwoNodesHandoverTest] %d dossiers, %d requests at the agency; delivered by node A %d, by node B %d%n",
                DOSSIERS, received.size(), byA, byB);
        assertThat(byA + byB).isEqualTo(DOSSIERS);
        assertThat(byA).as("node A handed over").isPositive();
        assertThat(byB).as("node B handed over").isPositive();
    }

    private static long delivered() {
        return NODE_A.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM dossier WHERE status = 'DELIVERED_TO_AGENCY'")
                        .mapTo(Long.class)
                        .one());
    }
}
