package vn.dossierpost.app;

import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.db.IntakeWriter;
import vn.dossierpost.db.TrackingChanges;
import vn.dossierpost.domain.ScanType;
import vn.dossierpost.health.S10SeriesHealthCheck;
import vn.dossierpost.http.RateLimiter;
import vn.dossierpost.http.ScanUpload;
import vn.dossierpost.http.TrustedProxies;
import vn.dossierpost.resources.BankCallbackResource;
import vn.dossierpost.resources.CalendarResource;
import vn.dossierpost.resources.CatalogueResource;
import vn.dossierpost.resources.CommuneResource;
import vn.dossierpost.resources.CounterDayResource;
import vn.dossierpost.resources.CourierHomePickupResource;
import vn.dossierpost.resources.DossierResource;
import vn.dossierpost.resources.FileResource;
import vn.dossierpost.resources.HomePickupResource;
import vn.dossierpost.resources.OfficeCommuneResource;
import vn.dossierpost.resources.PaymentResource;
import vn.dossierpost.resources.PublicHomePickupResource;
import vn.dossierpost.resources.RemittanceResource;
import vn.dossierpost.resources.ReportResource;
import vn.dossierpost.resources.S10SeriesResource;
import vn.dossierpost.resources.SupplementResource;
import vn.dossierpost.resources.TrackingResource;
import vn.dossierpost.resources.UploadResource;
import vn.dossierpost.service.SharedRateLimits;
import vn.dossierpost.service.catalogue.CalendarService;
import vn.dossierpost.service.catalogue.OfficeCommuneService;
import vn.dossierpost.service.counter.Corrections;
import vn.dossierpost.service.counter.DigitisationReport;
import vn.dossierpost.service.counter.DigitisationService;
import vn.dossierpost.service.counter.DossierFiles;
import vn.dossierpost.service.counter.FixityRecorder;
import vn.dossierpost.service.counter.IntakeService;
import vn.dossierpost.service.counter.PdfPages;
import vn.dossierpost.service.counter.S10Series;
import vn.dossierpost.service.counter.SlipService;
import vn.dossierpost.service.counter.Supplements;
import vn.dossierpost.service.dossier.TrackingService;
import vn.dossierpost.service.homepickup.HomePickupVisits;
import vn.dossierpost.service.homepickup.HomePickups;
import vn.dossierpost.service.payment.BankCallbacks;
import vn.dossierpost.service.payment.CounterDay;
import vn.dossierpost.service.payment.PaymentService;
import vn.dossierpost.service.payment.PaymentSettings;
import vn.dossierpost.service.payment.Receipts;
import vn.dossierpost.service.payment.Remittances;
import vn.dossierpost.service.supervision.PeriodicReports;
import vn.dossierpost.web.supervisor.DigitisationPages;
import vn.dossierpost.web.supervisor.ReportPages;

/**
 * The post office counter and what the public and staff read around it: intake and dossiers (with
 * their slips), public tracking, the catalogue and the working calendar, then the scans (uploads,
 * supplements, downloads) and the counter's digitisation report.
 */
public final class CounterModule {
    private final DossierpostConfiguration config;
    private final Environment environment;

    public CounterModule(DossierpostConfiguration config, Environment environment) {
        this.config = config;
        this.environment = environment;
    }

    /** Returns the services the counter pages share with the API (public tracking: one rate limit per address). */
    public CounterServices register(SharedParts shared) {
        DossierpostConfiguration.Intake settings = config.getIntake();
        IntakeService intake = new IntakeService(
                new IntakeWriter(shared.dataSource()),
                shared.referenceData(),
                shared.json(),
                shared.clock(),
                shared.zone(),
                LocalTime.parse(settings.cutOff),
                settings.defaultPaymentMethod,
                shared.notifications());
        S10Series s10Series = registerS10Series(shared, settings.s10AlertBelow);
        Payments payments = registerPayments(shared);
        SlipService slips = new SlipService(
                shared.jdbi(),
                shared.dossiers(),
                shared.referenceData(),
                payments.service(),
                settings.publicTrackingUrl);
        Corrections corrections =
                new Corrections(shared.jdbi(), shared.dossiers(), shared.referenceData(), shared.json());
        environment.jersey().register(new DossierResource(intake, shared.dossiers(), slips, corrections));
        PublicTracking tracking = new PublicTracking(
                registerTracking(shared),
                limiter(shared, "tracking", config.getTracking().requestsPerMinute, config.getTracking().burst));
        environment.jersey().register(new TrackingResource(tracking.service(), tracking.limiter()));
        environment.jersey().register(new CatalogueResource(shared.referenceData()));
        environment.jersey().register(new CommuneResource(shared.referenceData()));
        environment.jersey().register(new CalendarResource(new CalendarService(shared.jdbi(), shared.referenceData())));
        environment
                .jersey()
                .register(new OfficeCommuneResource(new OfficeCommuneService(shared.jdbi(), shared.referenceData())));
        return registerDigitisation(
                shared, intake, slips, corrections, tracking, payments, s10Series, registerHomePickups(shared, intake));
    }

    /** A public limit per client: in this node's memory, or in PostgreSQL for all nodes (tracking.sharedLimits). */
    private RateLimiter limiter(SharedParts shared, String bucket, int perMinute, int burst) {
        DossierpostConfiguration.Tracking settings = config.getTracking();
        TrustedProxies proxies = new TrustedProxies(settings.trustedProxies);
        if (!settings.sharedLimits) {
            return new RateLimiter(perMinute, burst, proxies);
        }
        return RateLimiter.shared(
                perMinute, new SharedRateLimits(shared.jdbi()).bucket(bucket, perMinute, burst), proxies);
    }

    /** Public tracking's cached answers, dropped on this node when any node's transaction changes a dossier. */
    private TrackingService registerTracking(SharedParts shared) {
        TrackingService service = new TrackingService(
                shared.databases().forPublicTracking(),
                shared.referenceData(),
                shared.json(),
                shared.zone(),
                config.getTracking().cacheSize.toBytes(),
                shared.databases().hasReplica()
                        ? config.getTracking().replicaLagAllowance.toJavaDuration()
                        : Duration.ZERO);
        TrackingChanges changes = new TrackingChanges(shared.dataSource(), service::forget, service::forgetAll);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() {
                changes.start();
            }

            @Override
            public void stop() {
                changes.close();
            }
        });
        return service;
    }

    /** The offices' S10 series: the admin API and the health check that warns before an office runs out. */
    private S10Series registerS10Series(SharedParts shared, int alertBelow) {
        S10Series series =
                new S10Series(shared.jdbi(), shared.referenceData(), shared.clock(), shared.zone(), alertBelow);
        environment.jersey().register(new S10SeriesResource(series));
        environment.healthChecks().register("s10-series", new S10SeriesHealthCheck(series));
        return series;
    }

    /** Home pickup: bookings, and the courier receiving the dossier at the door through the same intake. */
    private HomePickups registerHomePickups(SharedParts shared, IntakeService intake) {
        HomePickups pickups = new HomePickups(
                shared.jdbi(), shared.referenceData(), shared.notifications(), shared.clock(), shared.zone());
        HomePickupVisits visits =
                new HomePickupVisits(shared.jdbi(), pickups, intake, shared.dossiers(), shared.clock());
        environment.jersey().register(new HomePickupResource(pickups));
        environment.jersey().register(new CourierHomePickupResource(pickups, visits));
        DossierpostConfiguration.Tracking limits = config.getTracking();
        environment
                .jersey()
                .register(new PublicHomePickupResource(
                        pickups, limiter(shared, "home-pickup", limits.bookingsPerMinute, limits.bookingBurst)));
        return pickups;
    }

    private record Payments(PaymentService service, Receipts receipts, CounterDay day) {}

    /** The money of each dossier: confirmation at the counter, the bank's callback, receipts, refunds, the day's totals. */
    private Payments registerPayments(SharedParts shared) {
        DossierpostConfiguration.Payment p = config.getPayment();
        PaymentSettings settings = new PaymentSettings(p.acquirerBin, p.account, p.callbackSecret);
        Receipts receipts =
                new Receipts(shared.jdbi(), shared.dossiers(), shared.referenceData(), shared.clock(), shared.zone());
        PaymentService payments = new PaymentService(
                shared.jdbi(), shared.dossiers(), receipts, settings, shared.referenceData(), shared.clock());
        environment.jersey().register(new PaymentResource(payments, receipts));
        environment
                .jersey()
                .register(new BankCallbackResource(
                        new BankCallbacks(shared.jdbi(), payments, settings, shared.json(), shared.clock())));
        CounterDay day = new CounterDay(shared.jdbi(), shared.json(), shared.clock(), shared.zone());
        environment.jersey().register(new CounterDayResource(day));
        environment
                .jersey()
                .register(new RemittanceResource(
                        new Remittances(shared.jdbi(), shared.referenceData(), shared.clock(), shared.zone())));
        return new Payments(payments, receipts, day);
    }

    /** Uploads, supplements and downloads of scans, which live in the shared blob store. */
    private CounterServices registerDigitisation(
            SharedParts shared,
            IntakeService intake,
            SlipService slips,
            Corrections corrections,
            PublicTracking tracking,
            Payments payments,
            S10Series s10Series,
            HomePickups homePickups) {
        DossierpostConfiguration.Files limits = config.getFiles();
        FixityRecorder fixity = new FixityRecorder(shared.jdbi(), shared.json(), shared.clock());
        DigitisationService digitisation = new DigitisationService(
                shared.jdbi(),
                shared.store(),
                shared.dossiers(),
                fixity,
                shared.json(),
                shared.clock(),
                limits.maxFileSize.toBytes(),
                limits.maxDossierSize.toBytes(),
                limits.maxFilesPerRequest,
                new PdfPages(
                        config.getLimits().maxPdfMemory.toBytes(),
                        config.getLimits().maxPdfWork.toBytes()));
        environment
                .jersey()
                .register(new UploadResource(digitisation, ScanUpload.drainLimit(limits.maxDossierSize.toBytes())));
        Supplements supplements = new Supplements(shared.jdbi(), shared.dossiers(), shared.clock());
        environment
                .jersey()
                .register(new SupplementResource(
                        digitisation, supplements, ScanUpload.drainLimit(limits.maxDossierSize.toBytes())));
        excludeScansFromGzip();
        DossierFiles files = new DossierFiles(shared.jdbi(), shared.store(), fixity);
        environment.jersey().register(new FileResource(files, shared.store()));
        DigitisationReport report = new DigitisationReport(shared.jdbi(), shared.referenceData(), shared.zone());
        PeriodicReports periodic = new PeriodicReports(shared.jdbi(), shared.referenceData(), shared.zone());
        environment.jersey().register(new ReportResource(report, periodic));
        environment.jersey().register(new DigitisationPages(report, shared.clock(), shared.zone()));
        environment.jersey().register(new ReportPages(periodic, shared.clock(), shared.zone()));
        return new CounterServices(
                intake,
                slips,
                corrections,
                digitisation,
                supplements,
                files,
                tracking,
                payments.service(),
                payments.receipts(),
                payments.day(),
                s10Series,
                homePickups);
    }

    /** Scans are served byte for byte with their length (ranges, ETag): gzip would drop Content-Length and gain little. */
    private void excludeScansFromGzip() {
        if (config.getServerFactory() instanceof AbstractServerFactory server) {
            Set<String> configured = server.getGzipFilterFactory().getExcludedMimeTypes();
            Set<String> excluded = new HashSet<>(
                    configured != null ? configured : Arrays.asList(new GzipHandler().getExcludedMimeTypes()));
            Arrays.stream(ScanType.values()).map(ScanType::mediaType).forEach(excluded::add);
            server.getGzipFilterFactory().setExcludedMimeTypes(excluded);
        }
    }
}
