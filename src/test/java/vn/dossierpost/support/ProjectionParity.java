package vn.dossierpost.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.dossier.TrackingService;

/**
 * The projections checked against what they are kept from: every row of the public tracking
 * projection and of the report projection equals its definition (the views dossier_tracking_source
 * and report_dossier_source), so the triggers left nothing behind; and for every dossier of a test's
 * database, the public answer built from its tracking row equals the one built from the dossier and
 * its whole timeline ({@link TimelineTracking}), by code and by each S10 number.
 */
public final class ProjectionParity {
    private ProjectionParity() {}

    public static void check(TestApp app) {
        Jdbi jdbi = app.jdbi();
        for (String table : List.of("dossier_tracking", "report_dossier")) {
            long differing = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM ((SELECT * FROM " + table
                            + " EXCEPT SELECT * FROM " + table + "_source) UNION ALL (SELECT * FROM " + table
                            + "_source EXCEPT SELECT * FROM " + table + ")) x")
                    .mapTo(Long.class)
                    .one());
            assertThat(differing)
                    .as("rows of %s that differ from %s_source", table, table)
                    .isZero();
        }
        DossierpostConfiguration config = app.extension().getConfiguration();
        ObjectMapper json = app.extension().getObjectMapper();
        ZoneId zone = ZoneId.of(config.getIntake().timeZone);
        ReferenceDataCache referenceData = new ReferenceDataCache(jdbi);
        TimelineTracking before = new TimelineTracking(jdbi, referenceData, json, zone);
        TrackingService projection = new TrackingService(jdbi, referenceData, json, zone, 0, Duration.ZERO);
        List<List<String>> references = jdbi.withHandle(
                h -> h.createQuery("SELECT code, s10_number, return_s10_number FROM dossier ORDER BY id")
                        .map((rs, ctx) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)))
                        .list());
        assertThat(references).as("dossiers to compare").isNotEmpty();
        for (List<String> refs : references) {
            for (String ref : refs) {
                if (ref != null) {
                    assertThat(projection.track(ref))
                            .as("the public answer for %s", ref)
                            .isEqualTo(before.track(ref));
                }
            }
        }
    }
}
