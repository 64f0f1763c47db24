package vn.dossierpost.app;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dossierpost.support.TestApp.json;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.StreamingReplica;
import vn.dossierpost.support.TestApp;

/**
 * {@code database.replicaUrl} against a real streaming replica of the embedded PostgreSQL: public
 * tracking and the staff dossier list read the replica, writes the primary; with the primary
 * stopped tracking still answers and an intake is refused with a 503 naming the primary; with the
 * replica stopped tracking reads the primary.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReadReplicaTest {
    static final Duration REPLAY = Duration.ofSeconds(30);
    static final StreamingReplica PG = StreamingReplica.start();
    static final TestApp APP = TestApp.onDatabase(
            PG.primaryUrl(),
            ConfigOverride.config("database.replicaUrl", PG.replicaUrl()),
            ConfigOverride.config("tracking.replicaLagAllowance", "60s"));
    static final DropwizardAppExtension<DossierpostConfiguration> EXT = APP.extension();
    static final HttpClient PLAIN = HttpClient.newHttpClient();

    @BeforeAll
    static void users() {
        APP.addUser("clerk", Role.COUNTER, Dossiers.OFFICE, null);
    }

    @AfterAll
    static void stopDatabases() throws Exception {
        PG.close();
    }

    @Test
    void trackingAndTheDossierListReadTheReplicaAndShowWhatItHasReplayed() throws Exception {
        pauseReplay(true);
        Map<String, Object> dossier;
        try {
            dossier = takeIn();
            // the primary has it; the replica has not replayed it yet: this is what lag looks like
            assertThat(TestApp.status(APP.as("clerk", "/api/dossiers/" + dossier.get("code"))
                            .get()))
                    .isEqualTo(200);
            assertThat(TestApp.status(track((String) dossier.get("s10Number")))).isEqualTo(404);
            assertThat(listedCodes()).doesNotContain((String) dossier.get("code"));
        } finally {
            pauseReplay(false);
        }
        PG.awaitReplay(REPLAY);
        assertThat(TestApp.status(track((String) dossier.get("s10Number")))).isEqualTo(200);
        assertThat(listedCodes()).contains((String) dossier.get("code"));
    }

    @Test
    void anAnswerReadBeforeTheReplicaReplayedAChangeIsNotKeptOnceItHas() throws Exception {
        Map<String, Object> dossier = takeIn();
        String track = "/api/track/" + dossier.get("s10Number");
        PG.awaitReplay(REPLAY);
        HttpResponse<String> first = plain("GET", track, null, null);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String before = (String) parse(first.body()).get("applicant");
        assertThat(plain("GET", track, null, null).body()).as("cached").contains(before);

        pauseReplay(true);
        String after;
        try {
            HttpResponse<String> corrected = plain(
                    "PATCH",
                    "/api/dossiers/" + dossier.get("code"),
                    "clerk",
                    "{\"reason\": \"sai chính tả tên\", \"applicant\": {\"fullName\": \"Lê Minh Khôi\"}}");
            assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
            Thread.sleep(1_000); // the primary's NOTIFY reaches this node's listener
            // the primary announced the change; the paused replica still has the old row
            assertThat(parse(plain("GET", track, null, null).body()).get("applicant"))
                    .isEqualTo(before);
        } finally {
            pauseReplay(false);
        }
        PG.awaitReplay(REPLAY);
        after = (String) parse(plain("GET", track, null, null).body()).get("applicant");
        assertThat(after)
                .as("the old answer read meanwhile was not kept")
                .isNotEqualTo(before)
                .startsWith("L");
    }

    @Test
    void withThePrimaryStoppedTrackingAnswersFromTheReplicaAndAnIntakeIsRefusedCleanly() throws Exception {
        Map<String, Object> dossier = takeIn();
        String s10 = (String) dossier.get("s10Number");
        PG.awaitReplay(REPLAY);
        long dossiersBefore = countDossiers();
        PG.stopPrimary();
        try {
            HttpResponse<String> tracked = plain("GET", "/api/track/" + s10, null, null);
            assertThat(tracked.statusCode()).isEqualTo(200);
            assertThat(parse(tracked.body()).get("status")).isEqualTo("RECEIVED");
            HttpResponse<String> page = plain("GET", "/tra-cuu/" + s10, null, null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(s10);

            HttpResponse<String> refused = plain(
                    "POST",
                    "/api/dossiers",
                    "clerk",
                    EXT.getObjectMapper().writeValueAsString(Dossiers.judicialRecord()));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(refused.body()).contains("the primary database cannot be reached", "nothing was saved");
            assertThat(refused.body()).doesNotContain("Exception", "at org.", "at vn.", "jdbc:", "127.0.0.1");
            assertThat(APP.healthCheck("postgresql"))
                    .containsEntry("healthy", false)
                    .extractingByKey("message")
                    .asString()
                    .contains("the primary database cannot be reached")
                    .doesNotContain("127.0.0.1");
            assertThat(APP.healthCheck("postgresql-replica"))
                    .containsEntry("healthy", true)
                    .extractingByKey("message")
                    .asString()
                    .contains("the replica database answers as a standby");
        } finally {
            PG.startPrimary();
        }
        // connections the stop broke are dropped as the pool meets them: the clerk's retry goes through
        String body = EXT.getObjectMapper().writeValueAsString(Dossiers.judicialRecord());
        HttpResponse<String> accepted = plain("POST", "/api/dossiers", "clerk", body);
        int refusedMeanwhile = 0;
        for (long end = System.nanoTime() + REPLAY.toNanos();
                accepted.statusCode() == 503 && System.nanoTime() < end;
                refusedMeanwhile++) {
            Thread.sleep(100);
            accepted = plain("POST", "/api/dossiers", "clerk", body);
        }
        assertThat(accepted.statusCode())
                .as("refused meanwhile: %d", refusedMeanwhile)
                .isEqualTo(201);
        assertThat(countDossiers()).as("the refused intake left nothing").isEqualTo(dossiersBefore + 1);
        assertThat(APP.healthCheck("postgresql")).containsEntry("healthy", true);
    }

    @Test
    void withTheReplicaStoppedTrackingReadsThePrimary() throws Exception {
        Map<String, Object> dossier = takeIn();
        PG.stopReplica();
        try {
            HttpResponse<String> tracked = plain("GET", "/api/track/" + dossier.get("s10Number"), null, null);
            assertThat(tracked.statusCode()).isEqualTo(200);
            assertThat(parse(tracked.body()).get("code")).isEqualTo(dossier.get("code"));
            HttpResponse<String> listed = plain("GET", "/api/dossiers?limit=500", "clerk", null);
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.body()).contains((String) dossier.get("code"));
            assertThat(APP.healthCheck("postgresql-replica"))
                    .containsEntry("healthy", false)
                    .extractingByKey("message")
                    .asString()
                    .contains("the replica database cannot be reached", "read from the primary meanwhile");
            assertThat(APP.healthCheck("postgresql")).containsEntry("healthy", true);
        } finally {
            PG.startReplica();
        }
        PG.awaitReplay(REPLAY);
        assertThat(APP.healthCheck("postgresql-replica")).containsEntry("healthy", true);
    }

    /** A request as a browser sends it (with its Accept header), the answer as text. */
    private static HttpResponse<String> plain(String method, String path, String user, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(APP.url(path)))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (user != null) {
            request.header("Authorization", TestApp.basic(user));
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.header("Accept", path.startsWith("/api/") ? "application/json" : "text/html");
        return PLAIN.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String body) throws Exception {
        return EXT.getObjectMapper().readValue(body, Map.class);
    }

    private static Map<String, Object> takeIn() throws Exception {
        HttpResponse<String> res = plain(
                "POST", "/api/dossiers", "clerk", EXT.getObjectMapper().writeValueAsString(Dossiers.judicialRecord()));
        assertThat(res.statusCode()).isEqualTo(201);
        return parse(res.body());
    }

    private static Response track(String reference) {
        return EXT.client().target(APP.url("/api/track/" + reference)).request().get();
    }

    @SuppressWarnings("unchecked")
    private static List<String> listedCodes() {
        try (Response res = APP.as("clerk", "/api/dossiers?limit=500").get()) {
            assertThat(res.getStatus()).isEqualTo(200);
            return ((List<Map<String, Object>>) json(res).get("items"))
                    .stream().map(i -> (String) i.get("code")).toList();
        }
    }

    private static long countDossiers() {
        return APP.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM dossier")
                        .mapTo(Long.class)
                        .one());
    }

    /** Stops or resumes the replica's replay of what it receives (the standby keeps streaming). */
    private static void pauseReplay(boolean pause) {
        Jdbi.create(PG.replicaUrl(), "postgres", "")
                .useHandle(h -> h.execute(pause ? "SELECT pg_wal_replay_pause()" : "SELECT pg_wal_replay_resume()"));
    }
}
