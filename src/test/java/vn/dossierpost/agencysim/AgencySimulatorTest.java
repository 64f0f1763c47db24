package vn.dossierpost.agencysim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.dossierpost.agencysim.Handovers.AGENCY;
import static vn.dossierpost.agencysim.Handovers.HANDOVER;
import static vn.dossierpost.agencysim.Handovers.JSON;
import static vn.dossierpost.agencysim.Handovers.SECRET;
import static vn.dossierpost.agencysim.Handovers.await;
import static vn.dossierpost.agencysim.Handovers.dossier;
import static vn.dossierpost.agencysim.Handovers.drop;
import static vn.dossierpost.agencysim.Handovers.file;
import static vn.dossierpost.agencysim.Handovers.request;
import static vn.dossierpost.agencysim.Handovers.sign;
import static vn.dossierpost.agencysim.Handovers.zip;
import static vn.dossierpost.agencysim.Handovers.zipManifest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import vn.dossierpost.agencysim.Handovers.Dossier;
import vn.dossierpost.agencysim.Handovers.DossierFile;
import vn.dossierpost.integration.NoDelaySockets;

/** The stand-in agency against hand-built requests and ZIPs in the handover formats, good and bad. */
class AgencySimulatorTest {
    static final String CODE = "000.00.15.H26-261122-0001";
    static final String CODE_2 = "000.00.15.H26-261122-0002";
    /** 09:30 in Hà Nội. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:30:00Z"), java.time.ZoneOffset.UTC);

    @TempDir
    Path dir;

    AgencySimulator sim;
    OkHttpClient client = new OkHttpClient.Builder()
            .socketFactory(new NoDelaySockets())
            .readTimeout(Duration.ofSeconds(10))
            .build();

    @BeforeEach
    void start() throws IOException {
        sim = AgencySimulator.builder(SECRET)
                .clock(CLOCK)
                .fileDrop(dir.resolve("outbox"), dir.resolve("inbox"))
                .pollInterval(Duration.ofMillis(20))
                .start();
    }

    @AfterEach
    void stop() {
        sim.close();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    record Answer(int status, JsonNode body) {}

    Answer send(Request request) throws IOException {
        try (Response res = client.newCall(request).execute()) {
            return new Answer(res.code(), JSON.readTree(res.body().bytes()));
        }
    }

    // --- HTTP ---
    @Test
    void aSignedProbeIsAnsweredAndAnUnsignedOneRefused() throws IOException {
        byte[] body = "{\"probeId\":\"p-1\",\"at\":\"2026-11-22T09:30:00+07:00\"}".getBytes(StandardCharsets.UTF_8);
        Request.Builder probe = new Request.Builder()
                .url(sim.baseUrl() + "/probe")
                .post(okhttp3.RequestBody.create(body, okhttp3.MediaType.get("application/json")));

        Answer signed =
                send(probe.header("X-Dossierpost-Signature", vn.dossierpost.integration.Signatures.sign(body, SECRET))
                        .build());
        Answer other = send(probe.header(
                        "X-Dossierpost-Signature", vn.dossierpost.integration.Signatures.sign(body, SECRET + "-khac"))
                .build());

        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.body().get("probeId").asText()).isEqualTo("p-1");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.body().get("message").asText()).contains("X-Dossierpost-Signature");
        assertThat(sim.stats().requests()).isZero();
    }

    @Test
    void aGoodDossierGets201WithAReceiptAndArrivesIntact() throws IOException {
        Dossier d = dossier(CODE);
        Logger logger = (Logger) LoggerFactory.getLogger(AgencySimulator.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addAppender(logs);
        Answer answer;
        try {
            answer = send(request(sim.baseUrl(), d));
        } finally {
            logger.detachAppender(logs);
            logger.setLevel(level);
        }

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body().get("receiptNumber").asText()).matches("TN-\\d{6}");
        assertThat(answer.body().get("receivedAt").asText()).isEqualTo("2026-11-22T09:30:00+07:00");
        assertThat(sim.stats()).isEqualTo(new AgencySimulator.Stats(1, 1, 0, 0, 0, 1, 1, 0, 0, 0));
        assertThat(sim.acceptedKeys()).containsExactly(CODE + "/" + HANDOVER);
        assertThat(sim.keyCount(d.key())).isEqualTo(1);
        Delivery delivery = sim.delivery(d.key()).orElseThrow();
        assertThat(delivery.applicantName()).isEqualTo("Nguyễn Thị Hoa");
        assertThat(delivery.fileNames()).containsExactly("tờ khai.pdf", "căn cước công dân.pdf");
        assertThat(delivery.receipt().receiptNumber())
                .isEqualTo(answer.body().get("receiptNumber").asText());
        assertThat(logs.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line)
                        .contains(
                                d.key(),
                                "Nguyễn Thị Hoa",
                                "tờ khai.pdf",
                                delivery.receipt().receiptNumber()));
    }

    @Test
    void theSameKeyAgainGets409WithTheSameReceipt() throws IOException {
        Dossier d = dossier(CODE);
        Answer first = send(request(sim.baseUrl(), d));
        Answer again = send(request(sim.baseUrl(), d));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(sim.stats().accepted()).isEqualTo(1);
        assertThat(sim.stats().duplicates()).isEqualTo(1);
        assertThat(sim.stats().distinctKeys()).isEqualTo(1);
        assertThat(sim.keyCount(d.key())).isEqualTo(2);
    }

    @Test
    void withAckTwiceADuplicateGets201AgainWithTheSameReceipt() throws IOException {
        sim.setAckTwice(true);
        Dossier d = dossier(CODE);
        Answer first = send(request(sim.baseUrl(), d));
        Answer again = send(request(sim.baseUrl(), d));

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(sim.stats().duplicates()).isEqualTo(1);
    }

    @Test
    void anotherDossierOfTheSameHandoverGetsAnotherReceipt() throws IOException {
        Answer one = send(request(sim.baseUrl(), dossier(CODE)));
        Answer two = send(request(sim.baseUrl(), dossier(CODE_2)));

        assertThat(two.status()).isEqualTo(201);
        assertThat(two.body().get("receiptNumber")).isNotEqualTo(one.body().get("receiptNumber"));
        assertThat(sim.stats().distinctDossiers()).isEqualTo(2);
    }

    @Test
    void aWrongSignatureIsRejectedNamingTheSignature() throws IOException {
        Dossier d = dossier(CODE);
        Request request = request(sim.baseUrl(), d, d.files())
                .header(
                        "X-Dossierpost-Signature",
                        "sha256="
                                + sign(d.manifest())
                                        .substring(7)
                                        .replace('a', 'b')
                                        .replace('1', '2'))
                .build();

        Answer answer = send(request);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("message").asText()).contains("X-Dossierpost-Signature");
        assertThat(sim.stats().rejected()).isEqualTo(1);
        assertThat(sim.acceptedKeys()).isEmpty();
    }

    @Test
    void aSignatureWithAnotherSecretIsRejected() throws IOException {
        Dossier d = dossier(CODE);
        Request request = request(sim.baseUrl(), d, d.files())
                .header("X-Dossierpost-Signature", new Signatures("another secret").sign(d.manifest()))
                .build();

        assertThat(send(request).status()).isEqualTo(400);
    }

    @Test
    void aFileWithAnotherSha256IsRejectedNamingItsPath() throws IOException {
        Dossier d = dossier(CODE);
        DossierFile scan = d.files().get(0);
        byte[] damaged = scan.bytes().clone();
        damaged[5000] ^= 1;
        List<DossierFile> parts = List.of(
                new DossierFile(scan.path(), scan.name(), damaged), d.files().get(1));

        Answer answer = send(request(sim.baseUrl(), d, parts).build());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("message").asText())
                .contains(scan.path(), "SHA-256")
                .doesNotContain(d.files().get(1).path());
        assertThat(sim.acceptedKeys()).isEmpty();
    }

    @Test
    void aFileOfAnotherSizeIsRejectedNamingItsPath() throws IOException {
        Dossier d = dossier(CODE);
        DossierFile scan = d.files().get(1);
        List<DossierFile> parts = List.of(d.files().get(0), new DossierFile(scan.path(), scan.name(), new byte[10]));

        Answer answer = send(request(sim.baseUrl(), d, parts).build());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("message").asText()).contains(scan.path(), "10 bytes arrived", "3000");
    }

    @Test
    void aMissingFilePartIsRejected() throws IOException {
        Dossier d = dossier(CODE);

        Answer answer = send(request(sim.baseUrl(), d, d.files().subList(0, 1)).build());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("message").asText())
                .contains(d.files().get(1).path(), "no part");
        assertThat(sim.stats().rejected()).isEqualTo(1);
        assertThat(sim.stats().accepted()).isZero();
    }

    @Test
    void anUnlistedPartIsRejected() throws IOException {
        Dossier d = dossier(CODE);
        List<DossierFile> parts = new ArrayList<>(d.files());
        parts.add(file(CODE, "99-extra.pdf", "thêm.pdf", new byte[] {1, 2, 3}));

        Answer answer = send(request(sim.baseUrl(), d, parts).build());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("message").asText()).contains(CODE + "/99-extra.pdf", "not listed");
    }

    @Test
    void theIdempotencyKeyMustBeTheManifestsDossierAndHandover() throws IOException {
        Dossier d = dossier(CODE);

        Answer wrong = send(request(sim.baseUrl(), d, d.files())
                .header("Idempotency-Key", CODE + "/BG261122-000041")
                .build());
        Answer missing = send(request(sim.baseUrl(), d, d.files())
                .removeHeader("Idempotency-Key")
                .build());

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().get("message").asText()).contains("Idempotency-Key", d.key());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("message").asText()).contains("Idempotency-Key: missing");
    }

    @Test
    void aBodyWithoutManifestOrNotMultipartIsRejected() throws IOException {
        Dossier d = dossier(CODE);
        Request noManifest = new Request.Builder()
                .url(sim.baseUrl() + "/dossiers")
                .post(new MultipartBody.Builder()
                        .setType(MultipartBody.FORM)
                        .addFormDataPart(
                                "other", "x.pdf", RequestBody.create(new byte[] {1}, MediaType.get("application/pdf")))
                        .build())
                .header("Idempotency-Key", d.key())
                .header("X-Dossierpost-Signature", sign(d.manifest()))
                .build();
        Request json = new Request.Builder()
                .url(sim.baseUrl() + "/dossiers")
                .post(RequestBody.create(d.manifest(), MediaType.get("application/json")))
                .build();

        assertThat(send(noManifest).body().get("message").asText()).contains("manifest");
        Answer notMultipart = send(json);
        assertThat(notMultipart.status()).isEqualTo(400);
        assertThat(notMultipart.body().get("message").asText()).contains("multipart/form-data");
        assertThat(sim.stats().rejected()).isEqualTo(2);
    }

    /** Through the JDK's client, which (unlike OkHttp) gives up when the server closes while it is still sending. */
    @Test
    void aBodyRefusedHalfWayIsStillAnsweredWith400() throws Exception {
        Dossier d = dossier(CODE);
        MultipartBody multipart = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addPart(Headers.of("X-Note", "no Content-Disposition"), RequestBody.create(new byte[] {1}, null))
                .addFormDataPart(
                        CODE + "/big.pdf", "big.pdf", RequestBody.create(Handovers.pdf("big", 10_000_000), null))
                .build();
        Buffer body = new Buffer();
        multipart.writeTo(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/dossiers"))
                .header("Content-Type", multipart.contentType().toString())
                .header("Idempotency-Key", d.key())
                .header("X-Dossierpost-Signature", sign(d.manifest()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.readByteArray()))
                .build();

        HttpResponse<String> answer = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Content-Disposition");
    }

    @Test
    void withFailRateOneEveryRequestGets500AndNothingIsRecorded() throws IOException {
        sim.setFailRate(1);
        Dossier d = dossier(CODE);

        Answer answer = send(request(sim.baseUrl(), d));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(sim.stats()).isEqualTo(new AgencySimulator.Stats(1, 0, 0, 0, 1, 0, 0, 0, 0, 0));
        assertThat(sim.acceptedKeys()).isEmpty();
        assertThat(sim.keyCount(d.key())).isZero();

        sim.setFailRate(0);
        assertThat(send(request(sim.baseUrl(), d)).status()).isEqualTo(201); // the retry is the first delivery
    }

    @Test
    void aPartialFailRateFailsSomeButNotAll() throws IOException {
        sim.setFailRate(0.5);
        int failed = 0;
        for (int i = 0; i < 40; i++) {
            int status = send(request(sim.baseUrl(), dossier(String.format("%s-%04d", AGENCY, i))))
                    .status();
            assertThat(status).isIn(201, 500);
            failed += status == 500 ? 1 : 0;
        }
        assertThat(failed).isBetween(8, 32);
        assertThat(sim.stats().failedOnPurpose()).isEqualTo(failed);
        assertThat(sim.stats().accepted()).isEqualTo(40 - failed);
    }

    @Test
    void aClientThatTimesOutDuringTheDelayHasStillDelivered() throws IOException {
        sim.setDelay(Duration.ofSeconds(5)); // the simulator is closed long before it would answer
        Dossier d = dossier(CODE);
        OkHttpClient impatient =
                client.newBuilder().readTimeout(Duration.ofMillis(300)).build();

        assertThatThrownBy(() ->
                        impatient.newCall(request(sim.baseUrl(), d)).execute().close())
                .isInstanceOf(InterruptedIOException.class);
        // recorded on receipt, before the delay: well within the 5 s the answer would take
        await("the simulator to record the key", Duration.ofSeconds(1), () -> sim.keyCount(d.key()) == 1);
        assertThat(sim.acceptedKeys()).containsExactly(d.key());

        sim.setDelay(Duration.ZERO);
        Answer retry = send(request(sim.baseUrl(), d));
        assertThat(retry.status()).isEqualTo(409); // the retry learns it was delivered
        assertThat(retry.body().get("receiptNumber").asText())
                .isEqualTo(sim.delivery(d.key()).orElseThrow().receipt().receiptNumber());
        assertThat(sim.keyCount(d.key())).isEqualTo(2);
    }

    @Test
    void aSlowRateDelaysOnlyAShareOfTheAnswers() throws IOException {
        sim.setDelay(Duration.ofMillis(700));
        sim.setSlowRate(0.25);
        int slow = 0;
        for (int i = 0; i < 24; i++) {
            long t0 = System.nanoTime();
            int status = send(request(sim.baseUrl(), dossier(String.format("%s-%04d", AGENCY, i))))
                    .status();
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertThat(status).isEqualTo(201);
            slow += millis >= 700 ? 1 : 0;
        }
        assertThat(slow).as("answers that waited the delay").isBetween(1, 14);
        assertThat(sim.slowAnswers()).isEqualTo(slow);
        assertThat(sim.stats().accepted()).isEqualTo(24);

        sim.setSlowRate(0);
        sim.setDelay(Duration.ofSeconds(3));
        long t0 = System.nanoTime();
        for (int i = 24; i < 30; i++) {
            send(request(sim.baseUrl(), dossier(String.format("%s-%04d", AGENCY, i))));
        }
        assertThat((System.nanoTime() - t0) / 1_000_000)
                .as("six answers with slow rate 0 and a 3 s delay")
                .isLessThan(3000);
        assertThatThrownBy(() -> sim.setSlowRate(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slowRate");
    }

    @Test
    void concurrentDeliveriesOfOneKeyGetExactlyOneNewReceipt() throws Exception {
        Dossier d = dossier(CODE);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit((Callable<Answer>) () -> send(request(sim.baseUrl(), d))));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Answer> a : answers) {
                statuses.add(a.get().status());
                assertThat(a.get().body()).isEqualTo(answers.get(0).get().body());
            }
            assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(sim.stats().accepted()).isEqualTo(1);
        assertThat(sim.stats().duplicates()).isEqualTo(7);
        assertThat(sim.keyCount(d.key())).isEqualTo(8);
    }

    @Test
    void aTwentyMegabyteScanIsTaken() throws IOException {
        List<DossierFile> files =
                List.of(file(CODE, "17-to-khai.pdf", "tờ khai.pdf", Handovers.pdf("scan", 20_000_000)));
        Dossier d = Handovers.dossier(CODE, files);

        assertThat(send(request(sim.baseUrl(), d)).status()).isEqualTo(201);
    }

    @Test
    void statsAreServedAsJson() throws IOException {
        send(request(sim.baseUrl(), dossier(CODE)));

        Answer stats = send(new Request.Builder().url(sim.baseUrl() + "/stats").build());

        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.body().get("accepted").asInt()).isEqualTo(1);
        assertThat(stats.body().get("distinctDossiers").asInt()).isEqualTo(1);
        assertThat(send(new Request.Builder().url(sim.baseUrl() + "/nothing").build())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aBasePathPrefixesTheEndpoints() throws IOException {
        try (AgencySimulator prefixed =
                AgencySimulator.builder(SECRET).basePath("/lltp/api").start()) {
            assertThat(prefixed.baseUrl()).endsWith("/lltp/api");
            assertThat(send(request(prefixed.baseUrl(), dossier(CODE))).status())
                    .isEqualTo(201);
            assertThat(send(request("http://127.0.0.1:" + prefixed.port(), dossier(CODE)))
                            .status())
                    .isEqualTo(404);
        }
    }

    // --- file drop ---

    Path outbox() {
        return dir.resolve("outbox");
    }

    Path inbox() {
        return dir.resolve("inbox");
    }

    @Test
    void aGoodZipIsAcknowledgedWithAReceiptPerDossier() throws IOException {
        byte[] zip = zip(List.of(dossier(CODE), dossier(CODE_2)), Map.of());
        drop(outbox(), HANDOVER, zip, sign(zipManifest(zip)));

        await("the ack's done file", () -> Files.exists(inbox().resolve(HANDOVER + ".ack.json.ready")));

        JsonNode ack = JSON.readTree(inbox().resolve(HANDOVER + ".ack.json").toFile());
        assertThat(ack.get("handoverNo").asText()).isEqualTo(HANDOVER);
        assertThat(ack.get("receipts")).hasSize(2);
        assertThat(ack.get("receipts").findValuesAsText("dossierCode")).containsExactly(CODE, CODE_2);
        assertThat(ack.get("receipts").findValuesAsText("receiptNumber"))
                .allMatch(n -> n.matches("TN-\\d{6}"))
                .doesNotHaveDuplicates();
        assertThat(ack.get("receipts").findValuesAsText("receivedAt")).containsOnly("2026-11-22T09:30:00+07:00");
        // signed with the agency's secret, as the service requires of every inbox file
        assertThat(Files.readString(inbox().resolve(HANDOVER + ".ack.json.ready"), StandardCharsets.US_ASCII))
                .isEqualTo(sign(Files.readAllBytes(inbox().resolve(HANDOVER + ".ack.json"))));
        await(
                "the ZIP to move to processed/",
                () -> Files.exists(outbox().resolve("processed").resolve(HANDOVER + ".zip")));
        assertThat(outbox().resolve(HANDOVER + ".zip")).doesNotExist();
        assertThat(outbox().resolve(HANDOVER + ".zip.ready")).doesNotExist();
        assertThat(names(inbox())).containsExactlyInAnyOrder(HANDOVER + ".ack.json", HANDOVER + ".ack.json.ready");
        await("the counters", () -> sim.stats().zipsProcessed() == 1);
        assertThat(sim.stats().dossiersAcknowledged()).isEqualTo(2);
        assertThat(sim.delivery(CODE + "/" + HANDOVER).orElseThrow().fileNames())
                .containsExactly("tờ khai.pdf", "căn cước công dân.pdf");
    }

    @Test
    void aZipWithADamagedFileIsRejectedWithItsReasonAndNotAcknowledged() throws IOException {
        Dossier d = dossier(CODE);
        DossierFile scan = d.files().get(0);
        byte[] damaged = scan.bytes().clone();
        damaged[100] ^= 0x20;
        byte[] zip = zip(List.of(d), Map.of(scan.path(), damaged));
        drop(outbox(), HANDOVER, zip, sign(zipManifest(zip)));

        Path rejected = outbox().resolve("rejected");
        await("the error file", () -> Files.exists(rejected.resolve(HANDOVER + ".zip.error.txt")));

        assertThat(Files.readString(rejected.resolve(HANDOVER + ".zip.error.txt"), StandardCharsets.UTF_8))
                .contains(scan.path(), "SHA-256");
        await(
                "the ZIP and .ready to move",
                () -> Files.exists(rejected.resolve(HANDOVER + ".zip"))
                        && Files.exists(rejected.resolve(HANDOVER + ".zip.ready")));
        assertThat(names(inbox())).isEmpty();
        await("the counters", () -> sim.stats().zipsRejected() == 1);
        assertThat(sim.stats().zipsProcessed()).isZero();
        assertThat(sim.acceptedKeys()).isEmpty();
    }

    @Test
    void aZipWithAWrongSignatureIsRejected() throws IOException {
        byte[] zip = zip(List.of(dossier(CODE)), Map.of());
        drop(outbox(), HANDOVER, zip, new Signatures("not the secret").sign(zipManifest(zip)));

        Path error = outbox().resolve("rejected").resolve(HANDOVER + ".zip.error.txt");
        await("the error file", () -> Files.exists(error));
        assertThat(Files.readString(error)).contains("signature");
        assertThat(names(inbox())).isEmpty();
    }

    @Test
    void aPartFileAloneIsIgnored() throws IOException {
        Path part = outbox().resolve("BG261122-000041.zip.part");
        Files.write(part, zip(List.of(dossier(CODE)), Map.of()));
        byte[] zip = zip(List.of(dossier(CODE_2)), Map.of());
        drop(outbox(), HANDOVER, zip, sign(zipManifest(zip))); // a later handover, to know the reader has looked

        await("the later handover's ack", () -> Files.exists(inbox().resolve(HANDOVER + ".ack.json.ready")));

        assertThat(part).exists();
        assertThat(names(inbox())).containsExactlyInAnyOrder(HANDOVER + ".ack.json", HANDOVER + ".ack.json.ready");
        assertThat(sim.acceptedKeys()).containsExactly(CODE_2 + "/" + HANDOVER);
        assertThat(sim.stats().zipsRejected()).isZero();
    }

    @Test
    void withAckTwiceTheAckIsWrittenTwiceAndADroppedAgainHandoverKeepsItsReceipts() throws IOException {
        sim.setAckTwice(true);
        byte[] zip = zip(List.of(dossier(CODE)), Map.of());
        drop(outbox(), HANDOVER, zip, sign(zipManifest(zip)));

        await(
                "both acks",
                () -> Files.exists(inbox().resolve(HANDOVER + ".ack.json.ready"))
                        && Files.exists(inbox().resolve(HANDOVER + "-2.ack.json.ready")));
        JsonNode first = JSON.readTree(inbox().resolve(HANDOVER + ".ack.json").toFile());
        assertThat(JSON.readTree(inbox().resolve(HANDOVER + "-2.ack.json").toFile()))
                .isEqualTo(first);

        await("the first ZIP to move away", () -> !Files.exists(outbox().resolve(HANDOVER + ".zip")));
        Files.delete(inbox().resolve(HANDOVER + ".ack.json.ready"));
        drop(outbox(), HANDOVER, zip, sign(zipManifest(zip)));
        await("the second ack", () -> Files.exists(inbox().resolve(HANDOVER + ".ack.json.ready")));
        assertThat(JSON.readTree(inbox().resolve(HANDOVER + ".ack.json").toFile()))
                .isEqualTo(first);
        assertThat(sim.keyCount(CODE + "/" + HANDOVER)).isEqualTo(2);
    }

    static List<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
