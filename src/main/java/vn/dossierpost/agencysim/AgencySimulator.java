package vn.dossierpost.agencysim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in government agency for tests, the README walk-through and benchmarks. It takes dossiers
 * in the handover formats (DESIGN.md, "Integration with agencies") and checks them as strictly as a
 * real agency should, so the service's senders are tested against the contract rather than against
 * themselves:
 * <ul>
 * <li>HTTP: {@code POST {basePath}/dossiers} on 127.0.0.1 (signature, idempotency key, every file's
 * size and SHA-256; 201 with a receipt, 409 with the same receipt for a key seen before, 400 naming
 * what is wrong), {@code POST {basePath}/notices} (what became of a result, signed; 201, 409 for an
 * event id seen before), {@code POST {basePath}/probe} (a signed "test connection": 200 when the
 * signature matches) and {@code GET {basePath}/stats};</li>
 * <li>file drop (optional): handover ZIPs picked up from a folder and acknowledged with
 * {@code .ack.json} files in another.</li>
 * </ul>
 * Faults can be dialled in, before start or while running: a share of requests failing with 500, a
 * delay before each answer or before a share of them (the dossier is recorded first), and duplicates
 * acknowledged as new.
 * Start with {@link #builder(String)}; {@link #close()} stops everything.
 */
public final class AgencySimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AgencySimulator.class);

    static {
        // The JDK server sends an answer's headers and body as two TCP segments: with Nagle's algorithm
        // on, the body waits for the client's delayed ACK, about 40 ms per answer on Linux. It reads this
        // JVM-wide setting once, when its first server starts; one set on the command line wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /**
     * The counters at one moment. HTTP: {@code requests} to {@code POST /dossiers}, of which
     * {@code accepted} (201 for a new key), {@code duplicates} (a key seen before: 409, or 201 with
     * ackTwice), {@code rejected} (400) and {@code failedOnPurpose} (500); the rest were broken off by
     * the client. Both channels: {@code distinctKeys} and {@code distinctDossiers} (dossier codes)
     * received. File drop: ZIPs acknowledged ({@code zipsProcessed}) or refused ({@code zipsRejected}),
     * and dossiers acknowledged in them.
     */
    public record Stats(
            long requests,
            long accepted,
            long duplicates,
            long rejected,
            long failedOnPurpose,
            long distinctKeys,
            long distinctDossiers,
            long zipsProcessed,
            long zipsRejected,
            long dossiersAcknowledged) {

        /** One line for a console or a log. */
        public String summary() {
            return String.format(
                    Locale.ROOT,
                    "requests %d: accepted %d, duplicates %d, rejected %d, failed on purpose %d; distinct keys %d, dossiers %d;"
                            + " zips processed %d, rejected %d, dossiers acknowledged %d",
                    requests,
                    accepted,
                    duplicates,
                    rejected,
                    failedOnPurpose,
                    distinctKeys,
                    distinctDossiers,
                    zipsProcessed,
                    zipsRejected,
                    dossiersAcknowledged);
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final FileDropReader fileDrop;
    private final String basePath;
    private final ReceiptLedger ledger;
    private final Counters counters;
    private final Faults faults;
    private final NoticeHandler notices;
    private final AtomicBoolean closed = new AtomicBoolean();

    private AgencySimulator(Builder b) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Signatures signatures = new Signatures(b.secret);
        this.basePath = b.basePath;
        this.ledger = new ReceiptLedger(b.clock, b.onFirstDelivery);
        this.counters = new Counters();
        this.faults = new Faults(b.seed);
        faults.failRate(b.failRate);
        faults.delay(b.delay);
        faults.slowRate(b.slowRate);
        faults.ackTwice(b.ackTwice);
        this.fileDrop = b.dropDir == null
                ? null
                : new FileDropReader(b.dropDir, b.ackDir, signatures, json, ledger, counters, faults);
        this.workers = Executors.newFixedThreadPool(b.threads, daemonThreads("agency-sim-http-"));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 128);
        String dossiers = basePath + "/dossiers";
        server.createContext(dossiers, new DossierHandler(dossiers, json, signatures, ledger, counters, faults));
        server.createContext(basePath + "/stats", statsHandler(basePath + "/stats", json));
        this.notices = new NoticeHandler(basePath + "/notices", json, signatures);
        server.createContext(basePath + "/notices", notices);
        server.createContext(basePath + "/probe", new ProbeHandler(basePath + "/probe", json, signatures));
        server.createContext("/", exchange -> {
            try (exchange) {
                JsonAnswer.message(
                                json,
                                404,
                                "no such resource: " + exchange.getRequestURI().getPath())
                        .send(exchange);
            }
        });
        server.setExecutor(workers);
    }

    /** A simulator checking signatures with this agency secret; every option has a usable default. */
    public static Builder builder(String secret) {
        return new Builder(secret);
    }

    private AgencySimulator start(Duration pollInterval) throws IOException {
        server.start();
        try {
            if (fileDrop != null) {
                fileDrop.start(pollInterval);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        log.info("agency-sim: listening on {}/dossiers", baseUrl());
        return this;
    }

    private HttpHandler statsHandler(String path, ObjectMapper json) {
        return exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    JsonAnswer.message(
                                    json,
                                    404,
                                    "no such resource: "
                                            + exchange.getRequestURI().getPath())
                            .send(exchange);
                } else if (!exchange.getRequestMethod().equals("GET")) {
                    JsonAnswer.message(json, 405, "only GET is taken here").send(exchange);
                } else {
                    JsonAnswer.of(json, 200, stats()).send(exchange);
                }
            }
        };
    }

    /** The port the HTTP server is bound to (the free one picked when asked for port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** What the service's agency configuration takes as base URL: dossiers go to {@code baseUrl() + "/dossiers"}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + basePath;
    }

    public Stats stats() {
        return counters.snapshot(ledger);
    }

    /** The notices received over HTTP ({@code POST /notices}: result delivered or returned), one per event id. */
    public List<JsonNode> notices() {
        return notices.received();
    }

    /** Every idempotency key received and verified so far (both channels), sorted. */
    public Set<String> acceptedKeys() {
        return ledger.keys();
    }

    /**
     * How many times this key was delivered and verified (201 or 409 answered, or acknowledged in a
     * ZIP), including a delivery whose answer the client gave up waiting for; 0 if never.
     */
    public int keyCount(String key) {
        return ledger.count(key);
    }

    /** What was received the first time under this key, with the receipt given. */
    public Optional<Delivery> delivery(String key) {
        return ledger.delivery(key);
    }

    public double failRate() {
        return faults.failRate();
    }

    /** Share of requests (0 to 1) answered 500 before anything is recorded. */
    public void setFailRate(double failRate) {
        faults.failRate(failRate);
    }

    public Duration delay() {
        return faults.delay();
    }

    /** Wait before every answer, after the body is read and the dossier recorded. */
    public void setDelay(Duration delay) {
        faults.delay(delay);
    }

    public double slowRate() {
        return faults.slowRate();
    }

    /** Share of answers (0 to 1, drawn per request; 1 by default) that wait for the delay; the rest come at once. */
    public void setSlowRate(double slowRate) {
        faults.slowRate(slowRate);
    }

    /** Answers to {@code POST /dossiers} that waited for the delay so far. */
    public long slowAnswers() {
        return faults.slowAnswers();
    }

    public boolean ackTwice() {
        return faults.ackTwice();
    }

    /** Answer a duplicate with 201 (not 409), and write each file-drop acknowledgement twice. */
    public void setAckTwice(boolean ackTwice) {
        faults.ackTwice(ackTwice);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        workers.shutdownNow();
        if (fileDrop != null) {
            fileDrop.close();
        }
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("agency-sim: stopped; {}", stats().summary());
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Options of a simulator; {@link #start()} binds the port and starts the file-drop reader if asked. */
    public static final class Builder {
        private final String secret;
        private int port;
        private String basePath = "";
        private int threads = 16;
        private double failRate;
        private Duration delay = Duration.ZERO;
        private double slowRate = 1.0;
        private boolean ackTwice;
        private long seed = 20261122L;
        private Path dropDir;
        private Path ackDir;
        private Duration pollInterval = Duration.ofMillis(100);
        private Clock clock = Clock.systemUTC();
        private Consumer<Delivery> onFirstDelivery = d -> {};

        private Builder(String secret) {
            this.secret = secret;
        }

        /** 0 (the default) picks a free port; see {@link AgencySimulator#port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** A prefix before {@code /dossiers} and {@code /stats}, like "/lltp/api"; "" by default. */
        public Builder basePath(String basePath) {
            String p = basePath == null ? "" : basePath.strip();
            if (!p.isEmpty() && (!p.startsWith("/") || p.endsWith("/"))) {
                throw new IllegalArgumentException(
                        "basePath must be empty or start with '/' and not end with one: " + basePath);
            }
            this.basePath = p;
            return this;
        }

        /** Requests handled at once (16 by default); a delayed answer holds its thread. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = threads;
            return this;
        }

        public Builder failRate(double failRate) {
            this.failRate = Faults.checkFailRate(failRate);
            return this;
        }

        public Builder delay(Duration delay) {
            this.delay = Faults.checkDelay(delay);
            return this;
        }

        /** Share of answers that wait for the {@link #delay}: 1 (every one) by default. */
        public Builder slowRate(double slowRate) {
            this.slowRate = Faults.checkSlowRate(slowRate);
            return this;
        }

        public Builder ackTwice(boolean ackTwice) {
            this.ackTwice = ackTwice;
            return this;
        }

        /** Seed of the draws deciding which requests fail on purpose and which answers are slow. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Also read handover ZIPs dropped in {@code dropDir} (the service's outbox for this agency)
         * and write acknowledgements into {@code ackDir} (the service's inbox for it).
         */
        public Builder fileDrop(Path dropDir, Path ackDir) {
            if (dropDir == null || ackDir == null) {
                throw new IllegalArgumentException("the file drop needs both a drop folder and an ack folder");
            }
            this.dropDir = dropDir;
            this.ackDir = ackDir;
            return this;
        }

        /** How often the drop folder is looked at; 100 ms by default. */
        public Builder pollInterval(Duration pollInterval) {
            if (pollInterval == null || pollInterval.toMillis() < 1) {
                throw new IllegalArgumentException("pollInterval must be at least 1 ms");
            }
            this.pollInterval = pollInterval;
            return this;
        }

        /** The clock of receipt times (shown in Asia/Ho_Chi_Minh time). */
        /** Called once for each new key, as it is accepted (a benchmark times intake-to-receipt with it). */
        public Builder onFirstDelivery(Consumer<Delivery> listener) {
            this.onFirstDelivery = java.util.Objects.requireNonNull(listener);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public AgencySimulator start() throws IOException {
            return new AgencySimulator(this).start(pollInterval);
        }
    }
}
