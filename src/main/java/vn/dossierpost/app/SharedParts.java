package vn.dossierpost.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.db.ManagedDataSource;
import java.time.Clock;
import java.time.ZoneId;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.db.Databases;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.dossier.DossierService;
import vn.dossierpost.service.notify.Notifications;
import vn.dossierpost.storage.BlobStore;

/**
 * What more than one module is built on, made once in {@code DossierpostApplication.run}: the
 * database (as Jdbi, and as the pool the intake writer uses directly), the clock in the service's
 * time zone, the JSON mapper, the reference data cache, the scan store, the dossier reads and the
 * applicant messages that several legs of the journey queue; {@code jdbi} is the primary, and
 * {@code databases} says which database the reads that may go to a replica use.
 */
public record SharedParts(
        Jdbi jdbi,
        ManagedDataSource dataSource,
        Clock clock,
        ObjectMapper json,
        ReferenceDataCache referenceData,
        BlobStore store,
        DossierService dossiers,
        Notifications notifications,
        Databases databases) {

    /** The service's time zone (config {@code intake.timeZone}), the clock's. */
    public ZoneId zone() {
        return clock.getZone();
    }
}
