package vn.dossierpost.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dossierpost.support.Dossiers;
import vn.dossierpost.support.HandoverBeans;
import vn.dossierpost.support.HandoverRoutes;
import vn.dossierpost.support.Handovers;
import vn.dossierpost.support.Scans;

/**
 * routes/handover-file-drop.yaml (and handover-batch.yaml) in a CamelContext of their own, with the
 * service's real beans on the embedded PostgreSQL and a real folder as the agency's drop folder.
 * The timers are replaced by direct: endpoints, so each test runs exactly one batch and one sending
 * pass and then looks at the folder and at what the pass recorded. (FileDropHandoverTest covers the
 * same channel, and the acknowledgements coming back, through the whole running service.)
 */
class HandoverFileDropRouteTest extends CamelTestSupport {
    private static final String AGENCY = Dossiers.AGENCY;
    private static HandoverBeans beans;
    private CamelIntegration camel;

    @TempDir
    Path drop;

    @BeforeAll
    static void beans() {
        beans = new HandoverBeans();
    }

    @AfterAll
    static void close() {
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

    /** Points the agency at the folder and makes its routes from its row, as the service would. */
    private void routesDroppingInto(Path folder) throws Exception {
        beans.configure(AGENCY, "FILE_DROP", null, folder.toString());
        HandoverRoutes.start(camel, AGENCY, "handover-file-drop.yaml", "handover-batch.yaml");
    }

    @Test
    void aHandoverIsDroppedAsAZipAndItsDoneFileWithNoPartFileLeft() throws Exception {
        routesDroppingInto(drop);
        String first = beans.readyDossier(11);
        String second = beans.readyDossier(12);
        assertThat(HandoverRoutes.batch(template, AGENCY)).isEqualTo(2);
        String no = beans.handoverOf(first);
        assertThat(beans.handoverOf(second)).isEqualTo(no);

        HandoverRoutes.send(context, template, AGENCY);

        assertThat(HandoverRoutes.names(drop)).containsExactly(no + ".zip", no + ".zip.ready");
        Map<String, byte[]> entries = unzip(drop.resolve(no + ".zip"));
        byte[] manifestBytes = entries.get("manifest.json");
        assertThat(manifestBytes).as("manifest.json in the package").isNotNull();
        assertThat(Files.readString(drop.resolve(no + ".zip.ready"), StandardCharsets.UTF_8))
                .isEqualTo("sha256=" + HttpHandoverTest.hmac(manifestBytes, Handovers.SECRET));
        JsonNode manifest = beans.json.readTree(manifestBytes);
        assertThat(manifest.get("handoverNo").asText()).isEqualTo(no);
        assertThat(manifest.get("agencyCode").asText()).isEqualTo(AGENCY);
        assertThat(manifest.get("dossiers").findValuesAsText("dossierCode")).containsExactlyInAnyOrder(first, second);
        int files = 0;
        for (JsonNode dossier : manifest.get("dossiers")) {
            for (JsonNode component : dossier.get("components")) {
                for (JsonNode file : component.get("files")) {
                    String path = file.get("path").asText();
                    assertThat(path).startsWith(dossier.get("dossierCode").asText() + "/");
                    assertThat(entries.get(path)).as(path).isNotNull();
                    assertThat(Scans.sha256(entries.get(path)))
                            .isEqualTo(file.get("sha256").asText());
                    files++;
                }
            }
        }
        assertThat(files).isEqualTo(4);
        assertThat(entries).hasSize(files + 1);

        for (String code : List.of(first, second)) {
            Map<String, Object> handover = beans.handoverState(code);
            assertThat(handover).containsEntry("state", "SENT").containsEntry("item_state", "SENT");
            assertThat(handover.get("done_at")).as("nothing left to send").isNotNull();
            // delivered only when the agency's acknowledgement file comes back
            assertThat(beans.dossier(code, "status")).isEqualTo("IN_TRANSIT_TO_AGENCY");
        }
        assertThat(HandoverRoutes.names(beans.staging))
                .as("nothing left in staging")
                .isEmpty();
    }

    @Test
    void aPackageAlreadyInTheFolderIsNotOverwritten() throws Exception {
        routesDroppingInto(drop);
        String code = beans.readyDossier(13);
        assertThat(HandoverRoutes.batch(template, AGENCY)).isEqualTo(1);
        String no = beans.handoverOf(code);
        // as if a node had renamed the package into place and died before recording it
        byte[] earlier = "the package as first written".getBytes(StandardCharsets.UTF_8);
        Files.write(drop.resolve(no + ".zip"), earlier);

        HandoverRoutes.send(context, template, AGENCY);

        assertThat(HandoverRoutes.names(drop)).containsExactly(no + ".zip", no + ".zip.ready");
        assertThat(Files.readAllBytes(drop.resolve(no + ".zip")))
                .as("the package already in place, byte for byte")
                .isEqualTo(earlier);
        assertThat(beans.handoverState(code)).containsEntry("state", "SENT").containsEntry("item_state", "SENT");
        assertThat(HandoverRoutes.names(beans.staging))
                .as("the package built again is discarded")
                .isEmpty();
    }

    @Test
    void aFolderThatCannotBeWrittenIsTriedAgainLater() throws Exception {
        Path notAFolder = Files.writeString(drop.resolve("den"), "a file where the drop folder should be");
        routesDroppingInto(notAFolder);
        String code = beans.readyDossier(14);
        assertThat(HandoverRoutes.batch(template, AGENCY)).isEqualTo(1);
        // the service counts the backoff from the current second (StatusChanges.now)
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        HandoverRoutes.send(context, template, AGENCY);

        assertThat(HandoverRoutes.names(drop)).containsExactly("den");
        Map<String, Object> handover = beans.handoverState(code);
        assertThat(handover)
                .containsEntry("state", "SENDING")
                .containsEntry("item_state", "PENDING")
                .containsEntry("attempts", 1);
        assertThat((String) handover.get("last_error")).isNotBlank();
        assertThat(handover.get("done_at")).as("still to send").isNull();
        assertThat(((Timestamp) handover.get("available_at")).toInstant())
                .isAfterOrEqualTo(before.plus(HandoverBeans.FIRST_RETRY.dividedBy(2)));
        assertThat(beans.dossier(code, "status")).isEqualTo("IN_TRANSIT_TO_AGENCY");
        assertThat(HandoverRoutes.names(beans.staging))
                .as("nothing left in staging")
                .isEmpty();
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
