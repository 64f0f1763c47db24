package vn.dossierpost.app;

import com.codahale.metrics.CachedGauge;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.domain.ChannelPolicy;
import vn.dossierpost.domain.WorkingHours;
import vn.dossierpost.health.CamelHealthCheck;
import vn.dossierpost.health.GivenUpHealthCheck;
import vn.dossierpost.health.HandoverBacklogHealthCheck;
import vn.dossierpost.integration.AcknowledgementFiles;
import vn.dossierpost.integration.AgencyEventFiles;
import vn.dossierpost.integration.AgencyHttpClient;
import vn.dossierpost.integration.AgencyNoticeSender;
import vn.dossierpost.integration.AgencyProbe;
import vn.dossierpost.integration.AgencyRoutes;
import vn.dossierpost.integration.CamelIntegration;
import vn.dossierpost.integration.DropPackager;
import vn.dossierpost.integration.InboxClaims;
import vn.dossierpost.integration.InboxFileLimit;
import vn.dossierpost.integration.InboxSignatures;
import vn.dossierpost.integration.InboxWaiting;
import vn.dossierpost.resources.AgencyEventResource;
import vn.dossierpost.resources.AgencyResource;
import vn.dossierpost.resources.GivenUpResource;
import vn.dossierpost.resources.HandoverResource;
import vn.dossierpost.service.DatabaseRetry;
import vn.dossierpost.service.RetryPolicy;
import vn.dossierpost.service.catalogue.AgencyChannels;
import vn.dossierpost.service.catalogue.AgencyChecks;
import vn.dossierpost.service.catalogue.AgencyService;
import vn.dossierpost.service.catalogue.SftpHostKeys;
import vn.dossierpost.service.counter.S10Series;
import vn.dossierpost.service.givenup.GivenUpItems;
import vn.dossierpost.service.handover.AcknowledgementDeadline;
import vn.dossierpost.service.handover.AgencyEventService;
import vn.dossierpost.service.handover.HandoverAcknowledgements;
import vn.dossierpost.service.handover.HandoverBacklog;
import vn.dossierpost.service.handover.HandoverBatches;
import vn.dossierpost.service.handover.HandoverQueries;
import vn.dossierpost.service.handover.HandoverService;
import vn.dossierpost.service.handover.InboxClaimStore;
import vn.dossierpost.service.returnleg.AgencyNoticeOutbox;
import vn.dossierpost.service.supervision.Dashboard;
import vn.dossierpost.web.admin.AgencyPages;
import vn.dossierpost.web.supervisor.AttentionPages;
import vn.dossierpost.web.supervisor.DashboardPages;

/**
 * Handing dossiers over to agencies and hearing back from them. It owns the one Camel context (so
 * the other modules' route beans come in through {@link RouteBindings}), the beans the handover
 * routes call, the agency HTTP client, agency events, the admin API for agencies (whose changes
 * rebuild the routes at once), handover views, health checks and backlog gauges.
 */
public final class HandoverModule {
    private final DossierpostConfiguration config;
    private final DossierpostConfiguration.Handover settings;
    private final Environment environment;

    public HandoverModule(DossierpostConfiguration config, Environment environment) {
        this.config = config;
        this.settings = config.getHandover();
        this.environment = environment;
    }

    /**
     * Managed on stop, in this order: the Camel context, then the agency HTTP client. Whatever
     * {@code others} holds that must outlive the routes is to be managed before this is called.
     */
    public HandoverServices register(SharedParts shared, RouteBindings others, S10Series s10Series) throws IOException {
        RetryPolicy retry = new RetryPolicy(
                settings.firstRetryDelay.toJavaDuration(),
                settings.largestRetryDelay.toJavaDuration(),
                settings.retryFor.toJavaDuration());
        HandoverAcknowledgements acknowledgements = new HandoverAcknowledgements(
                shared.jdbi(),
                shared.referenceData(),
                shared.dossiers(),
                shared.notifications(),
                shared.json(),
                shared.clock(),
                LocalTime.parse(config.getIntake().cutOff),
                environment.metrics());
        HandoverBatches batches = new HandoverBatches(
                shared.jdbi(), shared.referenceData(), shared.dossiers(), shared.json(), shared.clock());
        HandoverService handovers = new HandoverService(
                shared.jdbi(),
                shared.referenceData(),
                shared.dossiers(),
                batches,
                acknowledgements,
                shared.json(),
                retry,
                settings.lease.toJavaDuration(),
                environment.metrics());
        AgencyHttpClient agencyHttp = new AgencyHttpClient(
                shared.store(),
                shared.json(),
                settings.connectTimeout.toJavaDuration(),
                settings.readTimeout.toJavaDuration(),
                settings.writeTimeout.toJavaDuration(),
                settings.senderThreads,
                config.getLimits().maxAgencyAnswer.toBytes());
        Path staging = Path.of(config.getDataDir()).resolve("handovers");
        AgencyEventService agencyEvents =
                new AgencyEventService(shared.jdbi(), shared.dossiers(), shared.notifications(), shared.json());
        environment.jersey().register(new AgencyEventResource(agencyEvents));
        InboxWaiting inboxWaiting = new InboxWaiting();
        Map<String, Object> beans = new HashMap<>(Map.of(
                "handovers", handovers,
                "agencyHttp", agencyHttp,
                "dropPackages", new DropPackager(shared.store(), shared.json(), staging)));
        beans.putAll(inboxBeans(shared, acknowledgements, agencyEvents, inboxWaiting));
        beans.putAll(others.beans());
        Properties properties = routeProperties();
        properties.putAll(others.properties());
        CamelIntegration camel = camel(shared, beans, properties);
        // messages go a few at a time; the pool is Camel's, so it stops with the context
        camel.context()
                .getRegistry()
                .bind(
                        "notificationSenders",
                        camel.context()
                                .getExecutorServiceManager()
                                .newFixedThreadPool(
                                        camel, "notification-sender", config.getNotifications().senderThreads));
        AgencyNoticeOutbox notices = new AgencyNoticeOutbox(
                shared.jdbi(), shared.clock(), retry, settings.lease.toJavaDuration(), environment.metrics());
        camel.context()
                .getRegistry()
                .bind("agencyNoticeSender", new AgencyNoticeSender(notices, camel.agencyRoutes()::dropOptions));
        environment.lifecycle().manage(camel);
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                agencyHttp.close();
            }
        });
        HandoverBacklog backlog = new HandoverBacklog(shared.jdbi(), shared.clock());
        registerAgencies(shared, camel.agencyRoutes(), backlog, agencyHttp);
        return new HandoverServices(
                agencyEvents, registerOversight(shared, camel, handovers, backlog, inboxWaiting, s10Series));
    }

    /** The beans of the inbox route (agency-inbox.yaml). */
    private Map<String, Object> inboxBeans(
            SharedParts shared,
            HandoverAcknowledgements acknowledgements,
            AgencyEventService agencyEvents,
            InboxWaiting waiting) {
        // a lost connection or a restarting server while an inbox file is applied: tried again for a while
        DatabaseRetry retry = new DatabaseRetry(new RetryPolicy(
                Duration.ofMillis(100), Duration.ofSeconds(2), settings.inboxRetryFor.toJavaDuration()));
        return Map.of(
                "acknowledgements",
                new AcknowledgementFiles(acknowledgements, shared.json(), retry),
                "agencyEvents",
                new AgencyEventFiles(agencyEvents, shared.json(), retry),
                "inboxSignatures",
                new InboxSignatures(new AgencyChannels(shared.jdbi()), retry),
                "inboxLimit",
                new InboxFileLimit(config.getLimits().maxInboxFile.toBytes()),
                "inboxWaiting",
                waiting,
                // nodes sharing an inbox folder: each file claimed in the database before it is read
                InboxClaims.BEAN,
                new InboxClaims(
                        new InboxClaimStore(
                                shared.jdbi(),
                                InboxClaimStore.newNodeId(),
                                settings.inboxClaimTimeout.toJavaDuration()),
                        waiting));
    }

    /** The handover and agency-notice settings the routes read as {@code {{...}}} properties. */
    private Properties routeProperties() {
        Properties properties = new Properties();
        properties.setProperty("handover.handoversPerPass", Integer.toString(settings.handoversPerPass));
        properties.setProperty(
                "handover.agencySyncIntervalMs", Long.toString(settings.agencySyncInterval.toMilliseconds()));
        properties.setProperty(
                "agencyNotices.pollIntervalMs",
                Long.toString(config.getDelivery().noticePollInterval.toMilliseconds()));
        return properties;
    }

    /** The Camel context with the route beans, whose agency routes keep to the channel policy. */
    private CamelIntegration camel(SharedParts shared, Map<String, Object> beans, Properties properties) {
        return new CamelIntegration(
                settings.routes,
                beans,
                properties,
                new AgencyChannels(shared.jdbi()),
                channelPolicy(),
                sftpHostKeys(),
                settings.senderThreads);
    }

    /** Where agencies may be reached (handover.allowPlainHttp, handover.fileDropRoots). */
    private ChannelPolicy channelPolicy() {
        return new ChannelPolicy(
                Set.copyOf(settings.allowPlainHttp),
                settings.fileDropRoots.stream().map(Path::of).toList());
    }

    private SftpHostKeys sftpHostKeys() {
        boolean none = settings.sftpKnownHosts == null || settings.sftpKnownHosts.isBlank();
        boolean noKey = settings.sftpPrivateKey == null || settings.sftpPrivateKey.isBlank();
        return new SftpHostKeys(
                none ? null : Path.of(settings.sftpKnownHosts),
                settings.sftpInsecure,
                noKey ? null : Path.of(settings.sftpPrivateKey));
    }

    /**
     * The admin API and pages for agencies: saving one rebuilds the agency routes before answering;
     * "test connection" probes the agency on its saved channel.
     */
    private void registerAgencies(
            SharedParts shared, AgencyRoutes routes, HandoverBacklog backlog, AgencyHttpClient agencyHttp) {
        AgencyService agencies = new AgencyService(
                shared.jdbi(),
                shared.referenceData(),
                new AgencyChecks(channelPolicy(), sftpHostKeys()),
                shared.json(),
                () -> {
                    try {
                        routes.sync();
                    } catch (Exception e) {
                        throw new IllegalStateException(
                                "the agency is saved but its route could not be rebuilt: " + e.getMessage(), e);
                    }
                },
                code -> routes.status().get(code),
                () -> backlog.failingSends().values().stream()
                        .collect(Collectors.toMap(
                                HandoverBacklog.FailingSend::agencyCode, HandoverBacklog.FailingSend::describe)));
        environment.jersey().register(new AgencyResource(agencies, shared.referenceData()));
        AgencyProbe probe =
                new AgencyProbe(new AgencyChannels(shared.jdbi()), agencyHttp, sftpHostKeys(), shared.clock());
        environment.jersey().register(new AgencyPages(agencies, probe));
    }

    /**
     * What supervisors and operators watch: the handover list (overdue acknowledgements included) and
     * the supervisor's page of what needs attention (offices running out of S10 numbers included),
     * the health checks "camel", "handover-backlog" and "given-up" (with its list for supervisors),
     * and gauges of the handover outbox's backlog.
     */
    private HandoverQueries registerOversight(
            SharedParts shared,
            CamelIntegration camel,
            HandoverService handovers,
            HandoverBacklog backlog,
            InboxWaiting inboxWaiting,
            S10Series s10Series) {
        AcknowledgementDeadline ackDeadline = new AcknowledgementDeadline(
                shared.referenceData(),
                shared.clock(),
                shared.zone(),
                settings.ackTimeout.toJavaDuration(),
                settings.agencyWorkingHours.stream()
                        .map(WorkingHours.Session::parse)
                        .toList());
        HandoverQueries queries =
                new HandoverQueries(shared.jdbi(), shared.referenceData(), shared.clock(), ackDeadline);
        environment.jersey().register(new HandoverResource(handovers, queries));
        environment
                .healthChecks()
                .register(
                        "camel",
                        new CamelHealthCheck(
                                camel.context(), camel.agencyRoutes(), backlog::failingSends, inboxWaiting));
        GivenUpItems givenUp = new GivenUpItems(shared.jdbi(), shared.clock());
        environment.healthChecks().register("given-up", new GivenUpHealthCheck(givenUp));
        environment.jersey().register(new GivenUpResource(givenUp));
        environment
                .jersey()
                .register(new DashboardPages(
                        new Dashboard(shared.jdbi(), shared.referenceData(), backlog, shared.clock(), shared.zone())));
        environment
                .jersey()
                .register(new AttentionPages(
                        handovers, queries, backlog, ackDeadline, givenUp, s10Series, shared.zone()));
        environment
                .healthChecks()
                .register(
                        "handover-backlog",
                        new HandoverBacklogHealthCheck(
                                backlog, settings.backlogAlertAge.toJavaDuration(), ackDeadline));
        environment.metrics().register("handover.backlog.dossiers", new CachedGauge<Long>(5, TimeUnit.SECONDS) {
            @Override
            protected Long loadValue() {
                return backlog.dossiersWaiting().dossiers();
            }
        });
        environment.metrics().register("handover.backlog.oldestSeconds", new CachedGauge<Long>(5, TimeUnit.SECONDS) {
            @Override
            protected Long loadValue() {
                return backlog.dossiersWaiting().oldest().toSeconds();
            }
        });
        return queries;
    }
}
