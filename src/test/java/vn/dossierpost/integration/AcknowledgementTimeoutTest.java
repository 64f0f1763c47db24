package vn.dossierpost.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.domain.Role;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.InboxFiles;
import vn.dossierpost.support.TestApp;

/**
 * A file-drop handover whose acknowledgement never comes: past {@code handover.ackTimeout} the health
 * check fails naming it, supervisors see it in the list, and after a retry (the same package under
 * the same number) and the agency's signed acknowledgement the check is healthy again.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AcknowledgementTimeoutTest {
    // one second of plain elapsed time (test-config.yml has no agency working hours: the tests cannot
    // wait for those, which WorkingHoursTest covers)
    static final TestApp APP = new TestApp(ConfigOverride.config("handover.ackTimeout", "1s"));
    static final DropwizardAppExtension<?> EXT = APP.extension();
    static final String CLERK = "clerk.ack";
    static final String SUPERVISOR = "supervisor.ack";
    static Path outbox;
    static Path inbox;

    @BeforeAll
    static void setUp() throws Exception {
        APP.addUser(CLERK, Role.COUNTER, Dossiers.OFFICE, null);
        APP.addUser(SUPERVISOR, Role.SUPERVISOR, null, null);
        APP.addUser("admin", Role.ADMIN, null, null);
        Path root = TestApp.newDataDir();
        outbox = root.resolve("den");
        inbox = root.resolve("di");
        Files.createDirectories(outbox);
        Files.createDirectories(inbox);
        Handovers.configure(
                APP,
                "admin",
                Dossiers.AGENCY,
                Map.of("channel", "FILE_DROP", "outboxDir", outbox.toString(), "inboxDir", inbox.toString()));
    }

    @Test
    void anUnacknowledgedHandoverFailsTheHealthCheckUntilResentAndAcknowledged() throws Exception {
        String code = Handovers.digitised(APP, CLERK, 31);
        Handovers.awaitStatus(APP, code, "IN_TRANSIT_TO_AGENCY");
        String no = Handovers.handoversOf(APP, code).get(0);
        Handovers.await(() -> Files.exists(outbox.resolve(no + ".zip.ready")), Duration.ofSeconds(10), () -> no);
        // the done file holds the signature of the manifest: the same signature, the same package
        String signature = Files.readString(outbox.resolve(no + ".zip.ready"));

        Handovers.await(
                () -> no.equals(backlog().get("oldestNotAcknowledged")), Duration.ofSeconds(15), () -> "overdue");
        assertThat(backlog().get("healthy")).isEqualTo(false);
        assertThat((String) backlog().get("message")).contains(no);

        try (Response list =
                APP.as(SUPERVISOR, "/api/handovers?state=NOT_ACKNOWLEDGED").get()) {
            assertThat(list.getStatus()).isEqualTo(200);
            List<?> items = (List<?>) TestApp.json(list).get("handovers");
            assertThat(items.stream()
                            .map(i -> String.valueOf(((Map<?, ?>) i).get("no")))
                            .toList())
                    .contains(no);
        }

        // the agency lost the package: the same package again, under the same number
        Files.delete(outbox.resolve(no + ".zip"));
        Files.delete(outbox.resolve(no + ".zip.ready"));
        try (Response retry = APP.post(SUPERVISOR, "/api/handovers/" + no + "/retry", Map.of())) {
            assertThat(retry.getStatus()).isEqualTo(200);
        }
        Handovers.await(() -> Files.exists(outbox.resolve(no + ".zip.ready")), Duration.ofSeconds(10), () -> no);
        assertThat(Files.readString(outbox.resolve(no + ".zip.ready"))).isEqualTo(signature);

        InboxFiles.drop(inbox, "ack.ack.json", """
                {"handoverNo": "%s", "receipts": [{"dossierCode": "%s", "receiptNumber": "STP-9", "receivedAt": "2026-11-23T08:05:00+07:00"}]}
                """.formatted(no, code));
        Handovers.awaitStatus(APP, code, "DELIVERED_TO_AGENCY");
        Handovers.await(() -> Boolean.TRUE.equals(backlog().get("healthy")), Duration.ofSeconds(10), () -> "healthy");
        assertThat(backlog().get("handoversNotAcknowledged")).isEqualTo(0);
    }

    private static Map<?, ?> backlog() {
        return APP.healthCheck("handover-backlog");
    }
}
