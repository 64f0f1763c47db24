package vn.dossierpost;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import vn.dossierpost.db.DatabaseSettings;
import vn.dossierpost.domain.AgencyNoticeLimits;
import vn.dossierpost.domain.PaymentMethod;
import vn.dossierpost.domain.RetentionRule;

/** config.yml. Values that change by decree (the 15:00 cut-off) live here, not in code. */
public class DossierpostConfiguration extends Configuration {

    /** Embedded PostgreSQL data and scanned files live under here. */
    @NotEmpty
    private String dataDir = "./data";

    /** {@code url: embedded} (or empty) starts the embedded PostgreSQL; a JDBC URL uses that server. */
    @Valid
    @NotNull
    private DatabaseSettings database = new DatabaseSettings();

    @Valid
    @NotNull
    private Intake intake = new Intake();

    @Valid
    @NotNull
    private Tracking tracking = new Tracking();

    @Valid
    @NotNull
    private Auth auth = new Auth();

    @Valid
    @NotNull
    private Files files = new Files();

    @Valid
    @NotNull
    private Handover handover = new Handover();

    @Valid
    @NotNull
    private Notifications notifications = new Notifications();

    @Valid
    @NotNull
    private Web web = new Web();

    @Valid
    @NotNull
    private Limits limits = new Limits();

    @Valid
    @NotNull
    private Payment payment = new Payment();

    @Valid
    @NotNull
    private Retention retention = new Retention();

    @JsonProperty
    public Retention getRetention() {
        return retention;
    }

    @JsonProperty
    public void setRetention(Retention retention) {
        this.retention = retention;
    }

    @JsonProperty
    public Payment getPayment() {
        return payment;
    }

    @JsonProperty
    public void setPayment(Payment payment) {
        this.payment = payment;
    }

    /**
     * The admin port (health, metrics, and tasks that change the log level) has no authentication,
     * so when a configuration does not list its connectors it listens on loopback only, not on
     * every interface as Dropwizard's default would.
     */
    public DossierpostConfiguration() {
        if (getServerFactory() instanceof io.dropwizard.core.server.DefaultServerFactory server) {
            io.dropwizard.jetty.HttpConnectorFactory admin = new io.dropwizard.jetty.HttpConnectorFactory();
            admin.setPort(8081);
            admin.setBindHost("127.0.0.1");
            server.setAdminConnectors(java.util.List.of(admin));
        }
    }

    @JsonProperty
    public String getDataDir() {
        return dataDir;
    }

    @JsonProperty
    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }

    @JsonProperty
    public DatabaseSettings getDatabase() {
        return database;
    }

    @JsonProperty
    public void setDatabase(DatabaseSettings database) {
        this.database = database;
    }

    @JsonProperty
    public Intake getIntake() {
        return intake;
    }

    @JsonProperty
    public void setIntake(Intake intake) {
        this.intake = intake;
    }

    @JsonProperty
    public Tracking getTracking() {
        return tracking;
    }

    @JsonProperty
    public void setTracking(Tracking tracking) {
        this.tracking = tracking;
    }

    @JsonProperty
    public Auth getAuth() {
        return auth;
    }

    @JsonProperty
    public void setAuth(Auth auth) {
        this.auth = auth;
    }

    @JsonProperty
    public Files getFiles() {
        return files;
    }

    @JsonProperty
    public Handover getHandover() {
        return handover;
    }

    @JsonProperty
    public void setHandover(Handover handover) {
        this.handover = handover;
    }

    @JsonProperty
    public void setFiles(Files files) {
        this.files = files;
    }

    @JsonProperty
    public Limits getLimits() {
        return limits;
    }

    @JsonProperty
    public void setLimits(Limits limits) {
        this.limits = limits;
    }

    @Valid
    @NotNull
    private Delivery delivery = new Delivery();

    @JsonProperty
    public Delivery getDelivery() {
        return delivery;
    }

    @JsonProperty
    public void setDelivery(Delivery delivery) {
        this.delivery = delivery;
    }

    @JsonProperty
    public Notifications getNotifications() {
        return notifications;
    }

    @JsonProperty
    public void setNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    @JsonProperty
    public Web getWeb() {
        return web;
    }

    @JsonProperty
    public void setWeb(Web web) {
        this.web = web;
    }

    public static class Intake {
        /** Decree 61/2018 Art. 18: a dossier received after this time counts from the next working day. */
        @NotNull
        @Pattern(regexp = "\\d{2}:\\d{2}")
        public String cutOff = "15:00";

        /** Local time of the post offices; dates on slips and deadlines are in this zone. */
        @NotEmpty
        public String timeZone = "Asia/Ho_Chi_Minh";

        /**
         * An office with fewer S10 numbers left in its series is reported (health check {@code s10-series},
         * the supervisor's "Cần xử lý" page) so that a new series is loaded in time.
         */
        @Min(0)
        public int s10AlertBelow = 10_000;

        /** Public tracking address printed as a QR code on the slip; the S10 number is appended. */
        @NotEmpty
        public String publicTrackingUrl = "http://localhost:8080/tra-cuu/";

        @NotNull
        public PaymentMethod defaultPaymentMethod = PaymentMethod.CASH;

        /** Decree 61/2018 Art. 18: an agency asks for a supplement within this many working days of receipt. */
        @Min(0)
        public int supplementRequestWorkingDays = 3;

        /** Decree 61/2018 Art. 19: an agency sends a new appointment at least this many working days before the old one. */
        @Min(0)
        public int delayNoticeWorkingDays = 1;

        /** How early agencies must send their notices; a late one is applied and flagged. */
        public AgencyNoticeLimits agencyNoticeLimits() {
            return new AgencyNoticeLimits(supplementRequestWorkingDays, delayNoticeWorkingDays);
        }
    }

    /**
     * How long records are kept after a dossier is closed (TT 17/2017: at least five years), and the
     * daily purge of what is older. Off by default, so that a machine set up from a copy of the
     * configuration never deletes anything until someone decides it should.
     */
    public static class Retention {
        /** Whole years after the dossier's last event; its scans and personal data go after that. */
        @Min(1)
        @Max(100)
        public int years = RetentionRule.DEFAULT_YEARS;

        /** Run the purge every day at {@link #runAt} (the {@code retention} command runs it by hand). */
        public boolean enabled = false;

        /** Local time of day (the intake's time zone) of the daily purge. */
        @NotNull
        @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d")
        public String runAt = "02:30";
    }

    /**
     * The post's account that receives VietQR transfers and the secret the bank signs its callbacks
     * with. Empty (the default): VietQR is not offered and callbacks are refused.
     */
    public static class Payment {
        /** The receiving bank's 6-digit NAPAS BIN (970415, say). */
        @Pattern(regexp = "(\\d{6})?")
        public String acquirerBin = "";

        @Pattern(regexp = "[0-9A-Za-z]{0,19}")
        public String account = "";

        /** Shared with the bank: it signs each callback body with HMAC-SHA256 of this secret. */
        public String callbackSecret = "";
    }

    /** The return leg (QĐ 45/2016 Art. 10): attempts, holding at the office, notices to agencies. */
    public static class Delivery {
        /** Delivery attempts before the item is held at the office ("at least twice"). */
        @Min(1)
        @Max(10)
        public int attempts = 2;

        /** Working days from a failed attempt to the next ("two working days apart"). */
        @Min(1)
        @Max(30)
        public int daysBetweenAttempts = 2;

        /** Working days an item waits at the office for collection before it may go back to the agency. */
        @Min(1)
        @Max(60)
        public int holdWorkingDays = 5;

        /** How often notices to agencies (result delivered, returned) are looked for and sent. */
        @NotNull
        public Duration noticePollInterval = Duration.seconds(1);
    }

    public static class Tracking {
        /** Requests a client (by IP address) may make per minute to the public tracking endpoint. */
        @Min(1)
        public int requestsPerMinute = 120;

        /** Requests a client may make in a burst before the per-minute rate applies. */
        @Min(1)
        @Max(100_000)
        public int burst = 30;

        /** Home pickups a client may book per minute on the public form (each sends an SMS: kept low). */
        @Min(1)
        public int bookingsPerMinute = 1;

        /** Bookings a client may make in a burst before the per-minute rate applies. */
        @Min(1)
        @Max(1000)
        public int bookingBurst = 3;

        /**
         * Keep these limits' buckets in PostgreSQL, shared by every node (one statement per public
         * request), instead of in each node's memory: behind a load balancer a client would otherwise
         * get one budget per node.
         */
        public boolean sharedLimits = false;

        /**
         * The reverse proxies or load balancers whose X-Forwarded-For is believed (addresses or CIDR
         * ranges): a request from one of them is counted against the client it names; from anywhere
         * else, against the connection's address, whatever the header says.
         */
        @NotNull
        public List<String> trustedProxies = List.of();

        /**
         * About how much heap the cached public answers may take (JSON and view); the least recently
         * used go first. 0 caches nothing: every request reads the dossier's projection row.
         */
        @NotNull
        public DataSize cacheSize = DataSize.megabytes(32);

        /**
         * With a read replica (database.replicaUrl): how long after a dossier changed its answer is
         * read afresh on every request instead of kept. The change is announced from the primary as
         * it commits, and the replica may replay it a moment later: an answer read meanwhile is the
         * old one and must not stay cached. Longer than the replica's usual lag (its health check
         * shows it).
         */
        @NotNull
        public Duration replicaLagAllowance = Duration.seconds(10);
    }

    public static class Auth {
        /**
         * How long a node remembers a verified Basic password (under an HMAC of it, never the password)
         * so bcrypt runs once, not on every request; every request still compares the user's
         * credentials version in the database, so a change counts at once.
         */
        @NotEmpty
        public String cachePolicy = "maximumSize=10000, expireAfterWrite=10m";

        @Min(4)
        @Max(16)
        public int bcryptCost = 10;

        /** The shortest new password, in characters (the longest is 72 bytes in UTF-8, bcrypt's limit). */
        @Min(8)
        @Max(64)
        public int minPasswordLength = 10;

        /** Wrong passwords for one username (API and sign-in form alike) before it is locked. */
        @Min(1)
        @Max(100)
        public int maxFailedSignIns = 5;

        /** Wrong passwords from one client address, whatever the usernames, before the address is locked. */
        @Min(1)
        @Max(10000)
        public int maxFailedSignInsPerClient = 20;

        /** How long a username or an address stays locked (429 with Retry-After); also how long failures count. */
        @NotNull
        public Duration signInLockout = Duration.minutes(5);
    }

    /** Staff sign-in to the web pages: sessions kept in PostgreSQL (wrong passwords: see {@link Auth}). */
    public static class Web {
        /** A session not used for this long ends (the clerk signs in again). */
        @NotNull
        public Duration sessionIdleTimeout = Duration.minutes(30);

        /** Send the session cookie only over HTTPS (on behind TLS in production; off for plain http on a test machine). */
        public boolean secureCookies = false;
    }

    /** Scans taken at intake (Decree 107/2021); stored under {@code dataDir/files}, or in a bucket ({@code store: s3}). */
    public static class Files {
        /** The largest one file may be ("20MB" is 20,000,000 bytes). */
        @NotNull
        public DataSize maxFileSize = DataSize.megabytes(20);

        /** The most all the files of one dossier may add up to. */
        @NotNull
        public DataSize maxDossierSize = DataSize.megabytes(100);

        /** Files one upload request may carry. */
        @Min(1)
        @Max(1000)
        public int maxFilesPerRequest = 50;

        /** Where the scans are kept: {@code filesystem} (under dataDir/files) or {@code s3} (see {@link S3}). */
        @NotNull
        public Store store = Store.FILESYSTEM;

        @Valid
        @NotNull
        public S3 s3 = new S3();

        public enum Store {
            FILESYSTEM,
            S3
        }

        @JsonIgnore
        @ValidationMethod(message = "files.s3.bucket must be set when files.store is s3")
        public boolean isBucketGivenForS3() {
            return store != Store.S3 || (s3.bucket != null && !s3.bucket.isBlank());
        }
    }

    /**
     * An S3-compatible bucket that the nodes share ({@code files.store: s3}). The credentials are not
     * here: the SDK's default chain reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or a profile,
     * or an instance role). Uploads are still staged under dataDir/files/tmp.
     */
    public static class S3 {
        /** The server's URL (MinIO, Ceph, S3Proxy…); empty for AWS itself. */
        public String endpoint = "";

        public String bucket = "";

        /** AWS's region of the bucket; S3-compatible servers mostly accept any, us-east-1 by default. */
        @NotEmpty
        public String region = "us-east-1";

        /** {@code http://host/bucket/key} instead of {@code http://bucket.host/key}: most non-AWS servers want it. */
        public boolean pathStyle = false;

        @NotNull
        public Duration connectTimeout = Duration.seconds(5);

        /** The longest wait for the next bytes of an answer (not for a whole transfer). */
        @NotNull
        public Duration readTimeout = Duration.seconds(30);
    }

    /**
     * The most the service reads of what others send it, so that one request or file cannot take a
     * node's memory or a core (scans have theirs in {@link Files}).
     */
    public static class Limits {
        /** A JSON request body; larger is 413. Room for a courier's proof image (2 MB) in base64. */
        @NotNull
        public DataSize maxJsonBody = DataSize.megabytes(4);

        /** An agency's or the SMS gateway's answer to what we sent; more is read as a failed send. */
        @NotNull
        public DataSize maxAgencyAnswer = DataSize.megabytes(1);

        /** An acknowledgement or events file in an agency's inbox folder; larger goes to .failed/. */
        @NotNull
        public DataSize maxInboxFile = DataSize.megabytes(16);

        /** Memory PDFBox may use to open an uploaded PDF; the rest of its work goes to a temporary file. */
        @NotNull
        public DataSize maxPdfMemory = DataSize.megabytes(16);

        /** Memory and temporary file together that opening one PDF may take (what its streams decode to). */
        @NotNull
        public DataSize maxPdfWork = DataSize.megabytes(256);
    }

    /** Handing dossiers over to agencies: the Camel routes, the agency HTTP client, retries. */
    public static class Handover {
        /** Folder of the YAML route definitions; when it does not exist, the copies inside the jar are used. */
        @NotEmpty
        public String routes = "routes";

        /** How long a sender holds a claimed handover; after that another node (or this one, restarted) takes it. */
        @NotNull
        public Duration lease = Duration.seconds(60);

        /** Backoff after a failed send: doubles from the first delay up to the largest, with jitter. */
        @NotNull
        public Duration firstRetryDelay = Duration.seconds(1);

        @NotNull
        public Duration largestRetryDelay = Duration.minutes(5);

        /** A handover not delivered after this long becomes a dead letter (listed as FAILED, resent by hand). */
        @NotNull
        public Duration retryFor = Duration.hours(24);

        @NotNull
        public Duration connectTimeout = Duration.seconds(5);

        /** Longest wait for the agency's answer once the dossier is sent. */
        @NotNull
        public Duration readTimeout = Duration.seconds(30);

        @NotNull
        public Duration writeTimeout = Duration.seconds(30);

        /** Dossiers of one handover sent to the agency at the same time (over all agencies). */
        @Min(1)
        @Max(256)
        public int senderThreads = 16;

        /** Handovers one agency route takes per pass. */
        @Min(1)
        @Max(100)
        public int handoversPerPass = 4;

        /** How often each node compares agency rows with its routes (changes made through another node). */
        @NotNull
        public Duration agencySyncInterval = Duration.seconds(30);

        /**
         * OpenSSH known_hosts file holding the host keys of the agencies' SFTP servers: an SFTP agency
         * is accepted, and its route started, only when its server's key is in it, and a server
         * presenting another key is refused before the password is sent.
         */
        public String sftpKnownHosts;

        /**
         * Without a known_hosts file, SFTP routes are refused unless this says explicitly that host
         * keys go unchecked (a test server whose key is new on every run; never in production).
         */
        public boolean sftpInsecure = false;

        /**
         * The service's own SSH private key (OpenSSH format, no passphrase) offered at every SFTP
         * login before the agency's password: an agency whose server takes keys only lists its
         * public half in the login's authorized_keys. Unset: password logins only.
         */
        public String sftpPrivateKey;

        /**
         * Hosts an agency's base URL may reach over plain {@code http://} (loopback for a stand-in
         * agency); any other agency URL must be {@code https://}.
         */
        @NotNull
        public List<String> allowPlainHttp = List.of();

        /**
         * Folders under which the agencies' local folders (inboxDir, a file-drop agency's outboxDir)
         * must lie; empty: no agency may have a local folder.
         */
        @NotNull
        public List<String> fileDropRoots = List.of();

        /** The health check fails when a dossier has waited longer than this to leave. */
        @NotNull
        public Duration backlogAlertAge = Duration.minutes(30);

        /**
         * A handover left by file drop or SFTP and not acknowledged within this much of the agencies'
         * working time ({@link #agencyWorkingHours} on the calendar's working days) is overdue: the
         * health check fails and supervisors see it, to be sent again.
         */
        @NotNull
        public Duration ackTimeout = Duration.hours(4);

        /**
         * The agencies' working sessions ("HH:MM-HH:MM", in the order of the day) in which {@link
         * #ackTimeout} runs; an empty list makes it plain elapsed time, nights and holidays included.
         */
        @NotNull
        public List<String> agencyWorkingHours = List.of("07:30-11:30", "13:00-17:00");

        /**
         * How long a line of an agency's inbox file (or its signature check) is tried again while the
         * database is unreachable; after that the file is left in the inbox for a later poll.
         */
        @NotNull
        public Duration inboxRetryFor = Duration.seconds(10);

        /**
         * How long a node's claim on an inbox file holds: nodes sharing an inbox folder claim each
         * file in the database before reading it; a claim older than this (by the database's clock)
         * is taken for a node killed mid-file, and another node takes the file over.
         */
        @NotNull
        public Duration inboxClaimTimeout = Duration.minutes(5);
    }

    /**
     * Messages to applicants (routes/notifications.yaml). Off by default: a fresh machine has no mail
     * server or SMS gateway, so the messages are written (and shown under
     * /api/dossiers/{code}/notifications as PENDING) but not sent; once switched on, those still
     * younger than {@code retryFor} are sent and older ones given up as too late.
     */
    public static class Notifications {
        public boolean enabled = false;

        /** A YAML file replacing the built-in templates (notifications/templates.yml in the jar); empty: built-in. */
        public String templates = "";

        @NotNull
        public Duration pollInterval = Duration.seconds(1);

        /** Messages one pass leases. */
        @Min(1)
        @Max(1000)
        public int perPass = 50;

        /** Messages sent at the same time. */
        @Min(1)
        @Max(64)
        public int senderThreads = 4;

        @NotNull
        public Duration lease = Duration.seconds(60);

        @NotNull
        public Duration firstRetryDelay = Duration.seconds(30);

        @NotNull
        public Duration largestRetryDelay = Duration.minutes(30);

        /** A message not sent after this long is given up (kept as FAILED with its last error). */
        @NotNull
        public Duration retryFor = Duration.hours(24);

        @Valid
        @NotNull
        public Smtp smtp = new Smtp();

        @Valid
        @NotNull
        public Sms sms = new Sms();
    }

    public static class Smtp {
        @NotEmpty
        public String host = "localhost";

        @Min(1)
        @Max(65535)
        public int port = 25;

        /** Empty: no login. */
        public String username = "";

        public String password = "";

        /** The sender address (plain, ASCII). */
        @NotEmpty
        public String from = "no-reply@localhost";

        /** Implicit TLS (smtps, usually port 465). */
        public boolean tls = false;

        /** STARTTLS required before login (usually port 587). */
        public boolean startTls = false;

        /** Connect and read timeout. */
        @NotNull
        public Duration timeout = Duration.seconds(10);
    }

    public static class Sms {
        /** The gateway's endpoint: POST {"to": "+84...", "text": "..."}. */
        @NotEmpty
        public String url = "http://localhost:9090/sms";

        @NotEmpty
        public String keyHeader = "X-Api-Key";

        public String key = "";

        @NotNull
        public Duration timeout = Duration.seconds(10);
    }
}
