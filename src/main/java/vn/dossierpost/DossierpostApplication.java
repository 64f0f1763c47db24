package vn.dossierpost;

import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthFilter;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.CachingAuthenticator;
import io.dropwizard.auth.JSONUnauthorizedHandler;
import io.dropwizard.auth.basic.BasicCredentialAuthFilter;
import io.dropwizard.auth.basic.BasicCredentials;
import io.dropwizard.auth.chained.ChainedAuthFilter;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.jersey.errors.EarlyEofExceptionMapper;
import io.dropwizard.jersey.errors.LoggingExceptionMapper;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.migrations.MigrationsBundle;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.benmanes.caffeine.cache.CaffeineSpec;
import com.codahale.metrics.CachedGauge;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.auth.BasicAuthenticator;
import vn.dossierpost.auth.RoleAuthorizer;
import vn.dossierpost.auth.TokenAuthenticator;
import vn.dossierpost.domain.User;
import vn.dossierpost.db.UserDAO;
import vn.dossierpost.cli.AgencySimCommand;
import vn.dossierpost.cli.CatalogueCommand;
import vn.dossierpost.cli.FixityCommand;
import vn.dossierpost.cli.HandoverBenchmarkCommand;
import vn.dossierpost.cli.IntakeBenchmarkCommand;
import vn.dossierpost.cli.UploadBenchmarkCommand;
import vn.dossierpost.cli.UserCommand;
import vn.dossierpost.db.Database;
import vn.dossierpost.db.IntakeWriter;
import vn.dossierpost.db.JdbiSetup;
import vn.dossierpost.domain.ScanType;
import vn.dossierpost.db.OutboxDAO;
import vn.dossierpost.health.CamelHealthCheck;
import vn.dossierpost.health.HandoverBacklogHealthCheck;
import vn.dossierpost.integration.AcknowledgementFiles;
import vn.dossierpost.integration.AgencyEventFiles;
import vn.dossierpost.integration.AgencyHttpClient;
import vn.dossierpost.integration.AgencyRoutes;
import vn.dossierpost.integration.CamelIntegration;
import vn.dossierpost.integration.AgencyNoticeSender;
import vn.dossierpost.integration.DropPackager;
import vn.dossierpost.resources.CollectionResource;
import vn.dossierpost.resources.CourierResource;
import vn.dossierpost.resources.CouriersResource;
import vn.dossierpost.resources.DeliveryResource;
import vn.dossierpost.resources.PickupResource;
import vn.dossierpost.service.returnleg.AgencyNotices;
import vn.dossierpost.service.returnleg.CourierService;
import vn.dossierpost.service.returnleg.DeliveryAttempts;
import vn.dossierpost.service.returnleg.DeliveryService;
import vn.dossierpost.service.returnleg.PickupService;
import vn.dossierpost.resources.AgencyEventResource;
import vn.dossierpost.resources.AgencyResource;
import vn.dossierpost.resources.CalendarResource;
import vn.dossierpost.resources.HandoverResource;
import vn.dossierpost.service.handover.AgencyEventService;
import vn.dossierpost.service.catalogue.AgencyService;
import vn.dossierpost.service.handover.HandoverAcknowledgements;
import vn.dossierpost.service.handover.HandoverQueries;
import vn.dossierpost.service.handover.HandoverService;
import vn.dossierpost.service.notify.NotificationDelivery;
import vn.dossierpost.service.notify.NotificationTemplates;
import vn.dossierpost.service.notify.Notifications;
import vn.dossierpost.db.NotificationDAO;
import vn.dossierpost.integration.MailEndpoint;
import vn.dossierpost.integration.SmsGateway;
import vn.dossierpost.resources.NotificationResource;
import java.util.HashMap;
import vn.dossierpost.service.RetryPolicy;
import vn.dossierpost.resources.CatalogueResource;
import vn.dossierpost.resources.DossierResource;
import vn.dossierpost.resources.ErrorMappers;
import vn.dossierpost.resources.FileResource;
import vn.dossierpost.resources.ReportResource;
import vn.dossierpost.resources.SupplementResource;
import vn.dossierpost.resources.TrackingResource;
import vn.dossierpost.resources.UploadResource;
import vn.dossierpost.service.catalogue.CalendarService;
import vn.dossierpost.service.counter.DigitisationReport;
import vn.dossierpost.service.counter.DigitisationService;
import vn.dossierpost.service.dossier.DossierService;
import vn.dossierpost.service.counter.FixityRecorder;
import vn.dossierpost.service.counter.IntakeService;
import vn.dossierpost.resources.RateLimiter;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.counter.SlipService;
import vn.dossierpost.service.dossier.TrackingService;
import vn.dossierpost.storage.FileSystemBlobStore;

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
        bootstrap.addCommand(new UserCommand());
        bootstrap.addCommand(new CatalogueCommand());
        bootstrap.addCommand(new IntakeBenchmarkCommand());
        bootstrap.addCommand(new UploadBenchmarkCommand());
        bootstrap.addCommand(new HandoverBenchmarkCommand());
        bootstrap.addCommand(new FixityCommand());
        bootstrap.addCommand(new AgencySimCommand());
    }

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
        Jdbi jdbi = JdbiSetup.configure(new JdbiFactory().build(environment, database.dataSourceFactory(), dataSource, "postgresql"));
        ZoneId zone = ZoneId.of(config.getIntake().timeZone);
        Clock clock = Clock.system(zone);
        ReferenceDataCache referenceData = new ReferenceDataCache(jdbi);

        registerErrorMappers(config, environment);
        registerAuth(config, environment, jdbi);

        DossierService dossiers = new DossierService(jdbi, referenceData, environment.getObjectMapper(), clock, zone,
                config.getIntake().publicTrackingUrl);
        IntakeService intake = new IntakeService(new IntakeWriter(dataSource), referenceData, environment.getObjectMapper(), clock, zone,
                LocalTime.parse(config.getIntake().cutOff), config.getIntake().s10ServiceIndicator,
                config.getIntake().defaultPaymentMethod);
        SlipService slips = new SlipService(dossiers, referenceData, config.getIntake().publicTrackingUrl);
        environment.jersey().register(new DossierResource(intake, dossiers, slips));
        environment.jersey().register(new TrackingResource(new TrackingService(jdbi, referenceData, environment.getObjectMapper(), zone),
                new RateLimiter(config.getTracking().requestsPerMinute, config.getTracking().burst)));
        environment.jersey().register(new CatalogueResource(referenceData));
        environment.jersey().register(new CalendarResource(new CalendarService(jdbi, referenceData)));
        FileSystemBlobStore store = registerDigitisation(config, environment, jdbi, dossiers, referenceData, clock, zone);
        Notifications notifications = new Notifications(referenceData, NotificationTemplates.load(config.getNotifications().templates, zone),
                clock, config.getIntake().publicTrackingUrl);
        registerHandover(config, environment, jdbi, dossiers, referenceData, store, clock, notifications);
        registerReturnLeg(config, environment, jdbi, dossiers, referenceData, store, clock, notifications);
    }

    /** The return leg: collection at agencies, delivering offices, couriers, attempts, cash. */
    private static void registerReturnLeg(DossierpostConfiguration config, Environment environment, Jdbi jdbi, DossierService dossiers,
                                          ReferenceDataCache referenceData, FileSystemBlobStore store, Clock clock,
                                          Notifications notifications) {
        DossierpostConfiguration.Delivery settings = config.getDelivery();
        ObjectMapper json = environment.getObjectMapper();
        DeliveryService deliveries = new DeliveryService(jdbi, dossiers, referenceData, notifications, new AgencyNotices(json, clock),
                store, json, clock, clock.getZone(), settings.daysBetweenAttempts, settings.attempts, settings.holdWorkingDays);
        PickupService pickups = new PickupService(jdbi, dossiers, deliveries, referenceData, json, clock, clock.getZone(),
                config.getIntake().s10ServiceIndicator, config.getIntake().publicTrackingUrl);
        CourierService couriers = new CourierService(jdbi, deliveries, referenceData, clock, clock.getZone());
        environment.jersey().register(new PickupResource(pickups));
        environment.jersey().register(new CollectionResource(pickups));
        environment.jersey().register(new DeliveryResource(deliveries, new DeliveryAttempts(jdbi, deliveries, dossiers, new AgencyNotices(json, clock),
                store, json, clock, clock.getZone()), pickups));
        environment.jersey().register(new CourierResource(couriers));
        environment.jersey().register(new CouriersResource(couriers));
    }

    /**
     * The Camel context with the handover routes, the beans they call, the admin API for agencies
     * (whose changes rebuild the routes at once), handover views, health checks and gauges.
     */
    private static void registerHandover(DossierpostConfiguration config, Environment environment, Jdbi jdbi, DossierService dossiers,
                                         ReferenceDataCache referenceData, FileSystemBlobStore store, Clock clock,
                                         Notifications notifications) throws IOException {
        DossierpostConfiguration.Handover settings = config.getHandover();
        ObjectMapper json = environment.getObjectMapper();
        RetryPolicy retry = new RetryPolicy(settings.firstRetryDelay.toJavaDuration(), settings.largestRetryDelay.toJavaDuration(),
                settings.retryFor.toJavaDuration());
        HandoverAcknowledgements acknowledgements = new HandoverAcknowledgements(jdbi, referenceData, dossiers, notifications, json, clock,
                LocalTime.parse(config.getIntake().cutOff), environment.metrics());
        HandoverService handovers = new HandoverService(jdbi, referenceData, dossiers, acknowledgements, json, clock, clock.getZone(),
                retry, settings.lease.toJavaDuration(), environment.metrics());
        AgencyHttpClient agencyHttp = new AgencyHttpClient(store, json, settings.connectTimeout.toJavaDuration(),
                settings.readTimeout.toJavaDuration(), settings.writeTimeout.toJavaDuration(), settings.senderThreads);
        Path staging = Path.of(config.getDataDir()).resolve("handovers");
        AgencyEventService agencyEvents = new AgencyEventService(jdbi, dossiers, notifications, json);
        environment.jersey().register(new AgencyEventResource(agencyEvents));
        Properties properties = new Properties();
        properties.setProperty("handover.handoversPerPass", Integer.toString(settings.handoversPerPass));
        properties.setProperty("handover.agencySyncIntervalMs", Long.toString(settings.agencySyncInterval.toMilliseconds()));
        properties.setProperty("agencyNotices.pollIntervalMs", Long.toString(config.getDelivery().noticePollInterval.toMilliseconds()));
        if (settings.sftpKnownHosts != null && !settings.sftpKnownHosts.isBlank()) {
            properties.setProperty(CamelIntegration.SFTP_KNOWN_HOSTS, Path.of(settings.sftpKnownHosts).toAbsolutePath().toString());
        }
        Map<String, Object> beans = new HashMap<>(Map.of(
                "handovers", handovers,
                "agencyHttp", agencyHttp,
                "dropPackages", new DropPackager(store, json, staging),
                "acknowledgements", new AcknowledgementFiles(acknowledgements, json),
                "agencyEvents", new AgencyEventFiles(agencyEvents, json)));
        beans.putAll(notificationBeans(config.getNotifications(), environment, jdbi, clock, properties));
        CamelIntegration camel = new CamelIntegration(settings.routes, beans, properties, jdbi, settings.senderThreads);
        // messages go a few at a time; the pool is Camel's, so it stops with the context
        camel.context().getRegistry().bind("notificationSenders", camel.context().getExecutorServiceManager()
                .newFixedThreadPool(camel, "notification-sender", config.getNotifications().senderThreads));
        camel.context().getRegistry().bind("agencyNoticeSender", new AgencyNoticeSender(jdbi, clock, retry, settings.lease.toJavaDuration(),
                camel.agencyRoutes()::dropOptions, environment.metrics()));
        environment.lifecycle().manage(camel);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                agencyHttp.close();
            }
        });
        AgencyRoutes routes = camel.agencyRoutes();
        AgencyService agencies = new AgencyService(jdbi, referenceData, () -> {
            try {
                routes.sync();
            } catch (Exception e) {
                throw new IllegalStateException("the agency is saved but its route could not be rebuilt: " + e.getMessage(), e);
            }
        }, code -> routes.status().get(code));
        environment.jersey().register(new AgencyResource(agencies, referenceData));
        environment.jersey().register(new HandoverResource(handovers, new HandoverQueries(jdbi, referenceData)));
        environment.healthChecks().register("camel", new CamelHealthCheck(camel.context(), routes));
        HandoverBacklogHealthCheck backlog = new HandoverBacklogHealthCheck(jdbi, clock, settings.backlogAlertAge.toJavaDuration());
        environment.healthChecks().register("handover-backlog", backlog);
        OutboxDAO outbox = jdbi.onDemand(OutboxDAO.class);
        environment.metrics().register("handover.backlog.dossiers", new CachedGauge<Long>(5, TimeUnit.SECONDS) {
            @Override
            protected Long loadValue() {
                return outbox.backlog(OutboxDAO.HANDOVER).pending();
            }
        });
        environment.metrics().register("handover.backlog.oldestSeconds", new CachedGauge<Long>(5, TimeUnit.SECONDS) {
            @Override
            protected Long loadValue() {
                OffsetDateTime oldest = outbox.backlog(OutboxDAO.HANDOVER).oldest();
                return oldest == null ? 0L : Duration.between(oldest, OffsetDateTime.now(clock)).toSeconds();
            }
        });
    }

    /**
     * What routes/notifications.yaml calls (the sending side of {@link Notifications}), its settings as
     * route properties, and the staff's view of a dossier's messages.
     */
    private static Map<String, Object> notificationBeans(DossierpostConfiguration.Notifications settings, Environment environment,
                                                         Jdbi jdbi, Clock clock, Properties properties) {
        RetryPolicy retry = new RetryPolicy(settings.firstRetryDelay.toJavaDuration(), settings.largestRetryDelay.toJavaDuration(),
                settings.retryFor.toJavaDuration());
        NotificationDelivery delivery = new NotificationDelivery(jdbi, clock, retry, settings.lease.toJavaDuration(), environment.metrics());
        SmsGateway sms = new SmsGateway(settings.sms.url, settings.sms.keyHeader, settings.sms.key, settings.sms.timeout.toJavaDuration(),
                environment.getObjectMapper());
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                sms.close();
            }
        });
        DossierpostConfiguration.Smtp smtp = settings.smtp;
        properties.setProperty("notifications.enabled", Boolean.toString(settings.enabled));
        properties.setProperty("notifications.pollIntervalMs", Long.toString(settings.pollInterval.toMilliseconds()));
        properties.setProperty("notifications.perPass", Integer.toString(settings.perPass));
        properties.setProperty("notifications.mailEndpoint", MailEndpoint.uri(smtp.host, smtp.port, smtp.tls, smtp.startTls,
                smtp.username, smtp.password, smtp.from, smtp.timeout.toJavaDuration()));
        environment.jersey().register(new NotificationResource(delivery));
        NotificationDAO dao = jdbi.onDemand(NotificationDAO.class);
        environment.metrics().register("notifications.pending", new CachedGauge<Long>(5, TimeUnit.SECONDS) {
            @Override
            protected Long loadValue() {
                return dao.pending();
            }
        });
        return Map.of("notificationDelivery", delivery, "smsGateway", sms);
    }

    /** Scans under dataDir/files; staging files left by a crash (untouched for an hour) are swept at start. */
    private static FileSystemBlobStore registerDigitisation(DossierpostConfiguration config, Environment environment, Jdbi jdbi,
                                                            DossierService dossiers, ReferenceDataCache referenceData, Clock clock,
                                                            ZoneId zone) throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(Path.of(config.getDataDir()).resolve("files"));
        store.sweepStaging(Duration.ofHours(1));
        DossierpostConfiguration.Files limits = config.getFiles();
        FixityRecorder fixity = new FixityRecorder(jdbi, environment.getObjectMapper(), clock);
        DigitisationService digitisation = new DigitisationService(jdbi, store, dossiers, fixity, environment.getObjectMapper(),
                clock, limits.maxFileSize.toBytes(), limits.maxDossierSize.toBytes(), limits.maxFilesPerRequest);
        environment.jersey().register(new UploadResource(digitisation, limits.maxDossierSize.toBytes() + (1 << 20)));
        environment.jersey().register(new SupplementResource(digitisation, limits.maxDossierSize.toBytes() + (1 << 20)));
        // Scans are served byte for byte with their length (ranges, ETag): gzip would drop Content-Length and gain little.
        if (config.getServerFactory() instanceof AbstractServerFactory server) {
            Set<String> configured = server.getGzipFilterFactory().getExcludedMimeTypes();
            Set<String> excluded = new HashSet<>(configured != null ? configured
                    : Arrays.asList(new org.eclipse.jetty.server.handler.gzip.GzipHandler().getExcludedMimeTypes()));
            Arrays.stream(ScanType.values()).map(ScanType::mediaType).forEach(excluded::add);
            server.getGzipFilterFactory().setExcludedMimeTypes(excluded);
        }
        environment.jersey().register(new FileResource(digitisation, store));
        environment.jersey().register(new ReportResource(new DigitisationReport(jdbi, referenceData, zone)));
        return store;
    }

    /** Our own mappers replace Dropwizard's JSON-error mapper so a wrong value names its field. */
    private static void registerErrorMappers(DossierpostConfiguration config, Environment environment) {
        if (config.getServerFactory() instanceof DefaultServerFactory server) {
            server.setRegisterDefaultExceptionMappers(false);
        }
        environment.jersey().register(new LoggingExceptionMapper<Throwable>() {});
        environment.jersey().register(new EarlyEofExceptionMapper());
        ErrorMappers.all().forEach(environment.jersey()::register);
    }

    /** HTTP Basic (bcrypt, cached) for staff, bearer tokens for agency systems; roles via @RolesAllowed. */
    private static void registerAuth(DossierpostConfiguration config, Environment environment, Jdbi jdbi) {
        UserDAO users = jdbi.onDemand(UserDAO.class);
        CaffeineSpec cacheSpec = CaffeineSpec.parse(config.getAuth().cachePolicy);
        RoleAuthorizer authorizer = new RoleAuthorizer();
        JSONUnauthorizedHandler unauthorized = new JSONUnauthorizedHandler();
        AuthFilter<BasicCredentials, User> basic = new BasicCredentialAuthFilter.Builder<User>()
                .setAuthenticator(new CachingAuthenticator<>(environment.metrics(), new BasicAuthenticator(users), cacheSpec))
                .setAuthorizer(authorizer)
                .setRealm("dossierpost")
                .setUnauthorizedHandler(unauthorized)
                .buildAuthFilter();
        AuthFilter<String, User> bearer = new OAuthCredentialAuthFilter.Builder<User>()
                .setAuthenticator(new CachingAuthenticator<>(environment.metrics(), new TokenAuthenticator(users), cacheSpec))
                .setAuthorizer(authorizer)
                .setPrefix("Bearer")
                .setUnauthorizedHandler(unauthorized)
                .buildAuthFilter();
        environment.jersey().register(new AuthDynamicFeature(new ChainedAuthFilter<>(List.of(basic, bearer))));
        environment.jersey().register(RolesAllowedDynamicFeature.class);
        environment.jersey().register(new AuthValueFactoryProvider.Binder<>(User.class));
    }
}
