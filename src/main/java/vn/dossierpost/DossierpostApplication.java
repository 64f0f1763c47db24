package vn.dossierpost;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.migrations.MigrationsBundle;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.app.AftercareModule;
import vn.dossierpost.app.ApiDocs;
import vn.dossierpost.app.ApiSetup;
import vn.dossierpost.app.CounterModule;
import vn.dossierpost.app.CounterServices;
import vn.dossierpost.app.DatabaseReads;
import vn.dossierpost.app.HandoverModule;
import vn.dossierpost.app.HandoverServices;
import vn.dossierpost.app.NotificationModule;
import vn.dossierpost.app.RetentionModule;
import vn.dossierpost.app.ReturnLegModule;
import vn.dossierpost.app.ReturnLegServices;
import vn.dossierpost.app.RouteBindings;
import vn.dossierpost.app.SharedParts;
import vn.dossierpost.app.WebModule;
import vn.dossierpost.auth.WebSessions;
import vn.dossierpost.cli.AgencySimCommand;
import vn.dossierpost.cli.CatalogueCommand;
import vn.dossierpost.cli.FixityCommand;
import vn.dossierpost.cli.HandoverBenchmarkCommand;
import vn.dossierpost.cli.IntakeBenchmarkCommand;
import vn.dossierpost.cli.PagesBenchmarkCommand;
import vn.dossierpost.cli.ReportCommand;
import vn.dossierpost.cli.RetentionCommand;
import vn.dossierpost.cli.SeedCommand;
import vn.dossierpost.cli.UploadBenchmarkCommand;
import vn.dossierpost.cli.UserCommand;
import vn.dossierpost.db.Database;
import vn.dossierpost.db.Databases;
import vn.dossierpost.db.JdbiSetup;
import vn.dossierpost.health.BlobStoreHealthCheck;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.dossier.DossierService;
import vn.dossierpost.service.notify.NotificationTemplates;
import vn.dossierpost.service.notify.Notifications;
import vn.dossierpost.storage.BlobStore;
import vn.dossierpost.storage.BlobStores;

/** The service: bundles and commands here; the wiring of each part is a module in {@code vn.dossierpost.app}. */
public class DossierpostApplication extends Application<DossierpostConfiguration> {

    public static void main(String[] args) throws Exception {
        new DossierpostApplication().run(args);
    }

    @Override
    public String getName() {
        return "dossierpost";
    }

    @Override
    public void initialize(Bootstrap<DossierpostConfiguration> bootstrap) {
        // Dates as 2026-11-22 and times as 2026-11-22T09:30:00+07:00, not as number arrays.
        bootstrap.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        // 150000.9 VND for a whole-number field is a mistake to answer (422), not to round down
        bootstrap.getObjectMapper().disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(DossierpostConfiguration config) {
                // `db status` / `db migrate` on the embedded default: attach to it or start it.
                return Database.openForCommand(config).dataSourceFactory();
            }

            @Override
            public String getMigrationsFileName() {
                return Database.CHANGELOG;
            }
        });
        WebModule.initialize(bootstrap);
        bootstrap.addCommand(new UserCommand());
        bootstrap.addCommand(new CatalogueCommand());
        bootstrap.addCommand(new IntakeBenchmarkCommand());
        bootstrap.addCommand(new UploadBenchmarkCommand());
        bootstrap.addCommand(new HandoverBenchmarkCommand());
        bootstrap.addCommand(new FixityCommand());
        bootstrap.addCommand(new ReportCommand());
        bootstrap.addCommand(new RetentionCommand());
        bootstrap.addCommand(new AgencySimCommand());
        bootstrap.addCommand(new PagesBenchmarkCommand());
        bootstrap.addCommand(new SeedCommand());
    }

    /**
     * Builds what the modules share, then each module. Managed parts stop in the reverse order of
     * registration, so the order below matters: the database, managed first, is closed last, and
     * NotificationModule comes before HandoverModule so that the Camel context stops before the SMS
     * gateway closes.
     */
    @Override
    public void run(DossierpostConfiguration config, Environment environment) throws Exception {
        Database database = Database.open(config);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() throws Exception {
                database.close();
            }
        });
        try {
            database.migrate();
        } catch (Exception e) {
            database.close(); // the lifecycle never started, so it would not stop the database
            throw e;
        }
        ManagedDataSource dataSource = database.dataSourceFactory().build(environment.metrics(), "postgresql");
        Jdbi jdbi = JdbiSetup.configure(
                new JdbiFactory().build(environment, database.dataSourceFactory(), dataSource, "postgresql"));
        Databases databases = DatabaseReads.build(config.getDatabase(), environment, jdbi, dataSource);
        ZoneId zone = ZoneId.of(config.getIntake().timeZone);
        Clock clock = Clock.system(zone);
        ObjectMapper json = environment.getObjectMapper();
        ReferenceDataCache referenceData = new ReferenceDataCache(jdbi);
        // Scans under dataDir/files or in a bucket (files.store); staging files left by a crash
        // (untouched for an hour) are swept at start.
        BlobStore store = BlobStores.open(config);
        store.sweepStaging(Duration.ofHours(1));
        BlobStoreHealthCheck storeCheck = new BlobStoreHealthCheck(store);
        environment.healthChecks().register("scan-store", storeCheck);
        // In the background, not to delay start-up: an unreachable store is logged at once, and a
        // bucket's client is loaded before the first scan needs it.
        CompletableFuture.runAsync(storeCheck::execute);
        String trackingUrl = config.getIntake().publicTrackingUrl;
        SharedParts shared = new SharedParts(
                jdbi,
                dataSource,
                clock,
                json,
                referenceData,
                store,
                new DossierService(
                        jdbi,
                        databases.forStaffLists(),
                        referenceData,
                        json,
                        clock,
                        zone,
                        trackingUrl,
                        LocalTime.parse(config.getIntake().cutOff),
                        config.getIntake().agencyNoticeLimits()),
                new Notifications(
                        referenceData,
                        NotificationTemplates.load(config.getNotifications().templates, zone),
                        clock,
                        trackingUrl),
                databases);

        ApiSetup api = new ApiSetup(config, environment);
        WebSessions sessions = api.register(jdbi, dataSource, clock);
        api.registerAccessLog(jdbi, zone);
        CounterServices counter = new CounterModule(config, environment).register(shared);
        RouteBindings notificationRoutes = new NotificationModule(
                        config.getNotifications(),
                        config.getLimits().maxAgencyAnswer.toBytes(),
                        environment)
                .register(shared);
        HandoverServices handover =
                new HandoverModule(config, environment).register(shared, notificationRoutes, counter.s10Series());
        ReturnLegServices returnLeg = new ReturnLegModule(config, environment).register(shared);
        new AftercareModule(environment).register(shared);
        new RetentionModule(config.getRetention(), environment).register(shared);
        new WebModule(config, environment).register(shared, counter, handover, returnLeg, sessions);
        ApiDocs.register(environment);
    }
}
