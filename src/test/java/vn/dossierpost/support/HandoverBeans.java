package vn.dossierpost.support;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.jackson.Jackson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.api.AgencyRequest;
import vn.dossierpost.api.IntakeRequest;
import vn.dossierpost.api.UploadResult;
import vn.dossierpost.db.IntakeWriter;
import vn.dossierpost.db.JdbiSetup;
import vn.dossierpost.domain.ChannelPolicy;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.User;
import vn.dossierpost.integration.AgencyHttpClient;
import vn.dossierpost.integration.CamelIntegration;
import vn.dossierpost.integration.DropPackager;
import vn.dossierpost.service.RetryPolicy;
import vn.dossierpost.service.catalogue.AgencyChannels;
import vn.dossierpost.service.catalogue.AgencyChecks;
import vn.dossierpost.service.catalogue.AgencyService;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.catalogue.SftpHostKeys;
import vn.dossierpost.service.counter.DigitisationService;
import vn.dossierpost.service.counter.FixityRecorder;
import vn.dossierpost.service.counter.IncomingFiles;
import vn.dossierpost.service.counter.IntakeService;
import vn.dossierpost.service.dossier.DossierService;
import vn.dossierpost.service.handover.HandoverAcknowledgements;
import vn.dossierpost.service.handover.HandoverBatches;
import vn.dossierpost.service.handover.HandoverService;
import vn.dossierpost.service.notify.NotificationTemplates;
import vn.dossierpost.service.notify.Notifications;
import vn.dossierpost.storage.FileSystemBlobStore;

/**
 * The real beans the handover routes call (handovers, agencyHttp, dropPackages), built as the
 * application builds them but without its web server, on a fresh test database and a fresh data
 * folder; plus the counter's services, to take dossiers in and scan them so that they are queued
 * for their agency, and a few reads of what the routes recorded. For route tests that run the YAML
 * routes in a test's own CamelContext ({@link #camel()}).
 *
 * <p>Retries wait at least 30 s here (first delay 1 min, with jitter), so work a test has put back
 * for later is never picked up again by a later test of the same class.
 */
public final class HandoverBeans implements AutoCloseable {
    public static final User CLERK = new User("clerk.hn", Role.COUNTER, Dossiers.OFFICE, null, "Giao dịch viên");
    public static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    public static final RetryPolicy RETRY = new RetryPolicy(FIRST_RETRY, Duration.ofMinutes(5), Duration.ofHours(24));
    /**
     * As test-config.yml (loopback over plain http, folders under target/), and the system's temporary
     * folder too, where the route tests' {@code @TempDir} folders are.
     */
    static final ChannelPolicy POLICY = new ChannelPolicy(
            Set.of("127.0.0.1", "localhost", "::1"),
            List.of(Path.of("target"), Path.of(System.getProperty("java.io.tmpdir"))));
    /** No SFTP agency here: no host key is known. */
    static final SftpHostKeys HOST_KEYS = new SftpHostKeys(null, false);

    public final Jdbi jdbi;
    public final ObjectMapper json;
    public final HandoverService handovers;
    /** How long a sender's claim holds its work. */
    public final Duration lease;
    /** Where drop packages are built before they are moved into the agency's folder. */
    public final Path staging;

    private final AgencyService agencies;
    private final AgencyHttpClient agencyHttp;
    private final DropPackager dropPackages;
    private final int handoversPerPass;
    private final IntakeService intake;
    private final DigitisationService digitisation;

    public HandoverBeans() {
        this(Duration.ofSeconds(30));
    }

    /** With the senders' lease set: a short one lets a test see a lease run out mid-send. */
    public HandoverBeans(Duration lease) {
        this.lease = lease;
        DossierpostConfiguration defaults = new DossierpostConfiguration();
        ZoneId zone = ZoneId.of(defaults.getIntake().timeZone);
        Clock clock = Clock.system(zone);
        LocalTime cutOff = LocalTime.parse(defaults.getIntake().cutOff);
        Path dataDir = TestApp.newDataDir();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(TestDatabase.newDatabase());
        dataSource.setUser("postgres");
        this.jdbi = JdbiSetup.configure(Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()));
        this.handoversPerPass = defaults.getHandover().handoversPerPass;
        this.json = Jackson.newObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        try {
            FileSystemBlobStore store = new FileSystemBlobStore(dataDir.resolve("files"));
            ReferenceDataCache referenceData = new ReferenceDataCache(jdbi);
            String trackingUrl = defaults.getIntake().publicTrackingUrl;
            DossierService dossiers = new DossierService(
                    jdbi,
                    jdbi,
                    referenceData,
                    json,
                    clock,
                    zone,
                    trackingUrl,
                    cutOff,
                    defaults.getIntake().agencyNoticeLimits());
            Notifications notifications =
                    new Notifications(referenceData, NotificationTemplates.load(null, zone), clock, trackingUrl);
            MetricRegistry metrics = new MetricRegistry();
            HandoverAcknowledgements acknowledgements = new HandoverAcknowledgements(
                    jdbi, referenceData, dossiers, notifications, json, clock, cutOff, metrics);
            this.handovers = new HandoverService(
                    jdbi,
                    referenceData,
                    dossiers,
                    new HandoverBatches(jdbi, referenceData, dossiers, json, clock),
                    acknowledgements,
                    json,
                    RETRY,
                    lease,
                    metrics);
            this.agencyHttp = new AgencyHttpClient(
                    store, json, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), 4, 1 << 20);
            this.staging = dataDir.resolve("handovers");
            this.dropPackages = new DropPackager(store, json, staging);
            // the routes are built by the test's CamelContext, not on a change of agency
            this.agencies = new AgencyService(
                    jdbi,
                    referenceData,
                    new AgencyChecks(POLICY, HOST_KEYS),
                    json,
                    () -> {},
                    code -> null,
                    java.util.Map::of);
            this.intake = new IntakeService(
                    new IntakeWriter(dataSource),
                    referenceData,
                    json,
                    clock,
                    zone,
                    cutOff,
                    defaults.getIntake().defaultPaymentMethod,
                    notifications);
            this.digitisation = new DigitisationService(
                    jdbi,
                    store,
                    dossiers,
                    new FixityRecorder(jdbi, json, clock),
                    json,
                    clock,
                    defaults.getFiles().maxFileSize.toBytes(),
                    defaults.getFiles().maxDossierSize.toBytes(),
                    defaults.getFiles().maxFilesPerRequest,
                    new vn.dossierpost.service.counter.PdfPages(
                            defaults.getLimits().maxPdfMemory.toBytes(),
                            defaults.getLimits().maxPdfWork.toBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The service's Camel integration with these beans and route properties: its context binds them
     * as the application does, and its {@link CamelIntegration#agencyRoutes()} makes each agency's
     * routes from the templates. Nothing is loaded nor started: the test loads the YAML files it
     * needs, advises the routes and starts the context.
     */
    public CamelIntegration camel() {
        Properties properties = new Properties();
        properties.setProperty("handover.handoversPerPass", Integer.toString(handoversPerPass));
        return new CamelIntegration(
                "routes",
                Map.of("handovers", handovers, "agencyHttp", agencyHttp, "dropPackages", dropPackages),
                properties,
                new AgencyChannels(jdbi),
                POLICY,
                HOST_KEYS,
                4);
    }

    /** Points the agency at a channel through the agency service, as an administrator would. */
    public void configure(String agency, String channel, String baseUrl, String outboxDir) {
        agencies.update(
                new User("admin", Role.ADMIN, null, null, null),
                agency,
                new AgencyRequest(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        channel,
                        baseUrl,
                        null,
                        outboxDir,
                        Handovers.SECRET,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        true));
    }

    /** A dossier taken in at the counter and fully scanned: DIGITISED and queued for its agency. Returns its code. */
    public String readyDossier(int seed) {
        IntakeRequest request = json.convertValue(Dossiers.judicialRecord(), IntakeRequest.class);
        String code = intake.intake(CLERK, request).row().code();
        upload(code, "TO_KHAI", "tờ khai lý lịch.pdf", Scans.pdf(1 + seed % 3));
        UploadResult last = upload(code, "GIAY_TO_TUY_THAN", "căn cước.png", Scans.png(seed));
        if (!last.requiredWithoutFile().isEmpty() || last.status() != DossierStatus.DIGITISED) {
            throw new IllegalStateException("dossier " + code + " is not ready to leave: " + last);
        }
        return code;
    }

    private UploadResult upload(String code, String component, String name, byte[] content) {
        Iterator<IncomingFiles.IncomingFile> files = List.of(
                        new IncomingFiles.IncomingFile(0, "files", name, new ByteArrayInputStream(content)))
                .iterator();
        try {
            return digitisation.upload(CLERK, code, component, null, () -> files.hasNext() ? files.next() : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One column of the dossier's row. */
    public String dossier(String code, String column) {
        return dossier(code, column, String.class);
    }

    public <T> T dossier(String code, String column, Class<T> type) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + column + " FROM dossier WHERE code = :c")
                .bind("c", code)
                .mapTo(type)
                .one());
    }

    /** The number of the (latest) handover the dossier is in, or null. */
    public String handoverOf(String code) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT h.no FROM handover h JOIN handover_item i ON i.handover_id = h.id "
                                + "JOIN dossier d ON d.id = i.dossier_id WHERE d.code = :c ORDER BY h.id DESC LIMIT 1")
                        .bind("c", code)
                        .mapTo(String.class)
                        .findOne()
                        .orElse(null));
    }

    /** The handover's row, its dossier's item and the work to send it (the outbox row): what a supervisor would look at. */
    public Map<String, Object> handoverState(String code) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT h.no, h.state, h.last_error, i.state AS item_state, "
                                + "i.receipt_number, i.last_error AS item_error, o.attempts, o.available_at, o.done_at, o.lease_until "
                                + "FROM handover h JOIN handover_item i ON i.handover_id = h.id JOIN dossier d ON d.id = i.dossier_id "
                                + "JOIN outbox o ON o.handover_id = h.id AND o.kind = 'HANDOVER_SEND' WHERE d.code = :c ORDER BY o.id DESC LIMIT 1")
                .bind("c", code)
                .mapToMap()
                .one());
    }

    /** The dossier's timeline as event types. */
    public List<String> eventTypes(String code) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT e.type FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id "
                                + "WHERE d.code = :c ORDER BY e.id")
                        .bind("c", code)
                        .mapTo(String.class)
                        .list());
    }

    @Override
    public void close() {
        agencyHttp.close();
    }
}
