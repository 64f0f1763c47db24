package vn.dossierpost.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.HandoverBeans;
import vn.dossierpost.support.HandoverRoutes;
import vn.dossierpost.support.ScriptedAgency;

/**
 * routes/handover-http.yaml (and handover-batch.yaml) in a CamelContext of their own, with the
 * service's real beans on the embedded PostgreSQL and a real HTTP server as the agency. The timers
 * are replaced by direct: endpoints, so each test runs exactly one batch and one sending pass and
 * then reads what the pass recorded: delivered with the agency's receipt, queued again for later,
 * or a dead letter. (HttpHandoverTest covers the same channel through the whole running service.)
 */
class HandoverHttpRouteTest extends CamelTestSupport {
    private static final String AGENCY = Dossiers.AGENCY;
    private static final ScriptedAgency AGENCY_SERVER = new ScriptedAgency();
    private static HandoverBeans beans;
    private static MockWebServer server;
    private CamelIntegration camel;

    @BeforeAll
    static void agency() throws Exception {
        beans = new HandoverBeans();
        server = new MockWebServer();
        server.setDispatcher(AGENCY_SERVER);
        server.start();
        beans.configure(AGENCY, "HTTP", server.url("/mot-cua/api").toString(), null);
    }

    @AfterAll
    static void close() {
        server.close();
        beans.close();
    }

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withUseAdviceWith(true); // the test advises the routes, then starts the context
    }

    @Override
    protected CamelContext createCamelContext() {
        camel = beans.camel();
        return camel.context();
    }

    @BeforeEach
    void routes() throws Exception {
        AGENCY_SERVER.reset();
        HandoverRoutes.start(camel, AGENCY, "handover-http.yaml", "handover-batch.yaml");
    }

    @Test
    void aDossierAnswered201IsDeliveredWithTheAgencysReceipt() throws Exception {
        AGENCY_SERVER.then(
                201, "{\"receiptNumber\":\"000.00.15.H26-261123-0042\",\"receivedAt\":\"2026-11-23T09:15:00+07:00\"}");
        String code = beans.readyDossier(1);
        assertThat(HandoverRoutes.batch(template, AGENCY)).isEqualTo(1);
        assertThat(beans.dossier(code, "status")).isEqualTo("IN_TRANSIT_TO_AGENCY");

        HandoverRoutes.send(context, template, AGENCY);

        String no = beans.handoverOf(code);
        List<RecordedRequest> requests = AGENCY_SERVER.received();
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.getUrl().encodedPath()).isEqualTo("/mot-cua/api/dossiers");
            assertThat(r.getHeaders().get("Idempotency-Key")).isEqualTo(code + "/" + no);
        });
        assertThat(beans.dossier(code, "status")).isEqualTo("DELIVERED_TO_AGENCY");
        assertThat(beans.dossier(code, "agency_receipt_number")).isEqualTo("000.00.15.H26-261123-0042");
        assertThat(beans.dossier(code, "filed_at", OffsetDateTime.class))
                .isAtSameInstantAs(OffsetDateTime.parse("2026-11-23T09:15:00+07:00"));
        Map<String, Object> handover = beans.handoverState(code);
        assertThat(handover)
                .containsEntry("state", "DELIVERED")
                .containsEntry("item_state", "DELIVERED")
                .containsEntry("receipt_number", "000.00.15.H26-261123-0042");
        assertThat(handover.get("done_at")).as("nothing left to send").isNotNull();
        assertThat(beans.eventTypes(code)).endsWith("IN_TRANSIT_TO_AGENCY", "DELIVERED_TO_AGENCY");
    }

    @Test
    void aDossierAnswered503IsQueuedToBeSentAgainLater() throws Exception {
        AGENCY_SERVER.then(503, "{\"message\":\"bảo trì hệ thống\"}");
        String code = beans.readyDossier(2);
        assertThat(HandoverRoutes.batch(template, AGENCY)).isEqualTo(1);
        // the service counts the backoff from the current second (StatusChanges.now)
        OffsetDateTime before = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);

        HandoverRoutes.send(context, template, AGENCY);

        assertThat(AGENCY_SERVER.received()).hasSize(1);
        assertThat(beans.dossier(code, "status")).isEqualTo("IN_TRANSIT_TO_AGENCY");
        assertThat(beans.dossier(code, "agency_receipt_number")).isNull();
        Map<String, Object> handover = beans.handoverState(code);
        assertThat(handover)
                .containsEntry("state", "SENDING")
                .containsEntry("item_state", "PENDING")
                .containsEntry("attempts", 1);
        assertThat((String) handover.get("last_error")).contains("HTTP 503");
        assertThat(handover.get("done_at")).as("still to send").isNull();
        assertThat(handover.get("lease_until")).as("given back").isNull();
        // backoff with jitter: at least half the first delay
        assertThat(((Timestamp) handover.get("available_at")).toInstant())
                .isAfterOrEqualTo(
                        before.plus(HandoverBeans.FIRST_RETRY.dividedBy(2)).toInstant());
        assertThat(beans.eventTypes(code)).doesNotContain("DELIVERED_TO_AGENCY", "HANDOVER_FAILED");
    }

    @Test
    void aDossierRefusedWith400IsADeadLetter() throws Exception {
        AGENCY_SERVER.then(400, "{\"message\":\"manifest.applicant.citizenId: unknown format\"}");
        String code = beans.readyDossier(3);
        assertThat(HandoverRoutes.batch(template, AGENCY)).isEqualTo(1);

        HandoverRoutes.send(context, template, AGENCY);

        assertThat(AGENCY_SERVER.received()).hasSize(1);
        assertThat(beans.dossier(code, "status")).isEqualTo("IN_TRANSIT_TO_AGENCY");
        Map<String, Object> handover = beans.handoverState(code);
        assertThat(handover).containsEntry("state", "FAILED").containsEntry("item_state", "FAILED");
        assertThat((String) handover.get("last_error")).contains("HTTP 400").contains("citizenId");
        assertThat(handover.get("done_at")).as("not tried again by itself").isNotNull();
        assertThat(beans.eventTypes(code)).endsWith("HANDOVER_FAILED");
    }
}
