package vn.dossierpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dossierpost.DossierpostApplication;
import vn.dossierpost.DossierpostConfiguration;

/** {@code agency-sim} through Dropwizard's command line, as {@code java -jar dossierpost.jar agency-sim} runs it. */
class AgencySimCommandTest {
    static final Pattern URL = Pattern.compile("POST (http://127\\.0\\.0\\.1:\\d+)/dossiers");

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    Cli cli(UnaryOperator<String> env) {
        Bootstrap<DossierpostConfiguration> bootstrap = new Bootstrap<>(new DossierpostApplication());
        bootstrap.addCommand(
                new AgencySimCommand(new PrintStream(out, true, StandardCharsets.UTF_8), env, Duration.ofMillis(50)));
        return new Cli(new JarLocation(getClass()), bootstrap, out, err);
    }

    String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runsUntilInterruptedPrintingItsUrlAndTheCountersWhenTheyChange() throws Exception {
        AtomicReference<Optional<Throwable>> result = new AtomicReference<>();
        Thread run = new Thread(() -> result.set(cli(name -> name.equals("AGENCY_SECRET") ? "bí mật" : null)
                .run(
                        "agency-sim",
                        "--port",
                        "0",
                        "--delay-ms",
                        "0",
                        "--slow-rate",
                        "0.25",
                        "--drop-dir",
                        dir.resolve("outbox").toString(),
                        "--ack-dir",
                        dir.resolve("inbox").toString())));
        run.start();
        try {
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!URL.matcher(printed()).find() && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            Matcher url = URL.matcher(printed());
            assertThat(url.find()).as("start line in: %s", printed()).isTrue();
            assertThat(printed()).contains("fail rate 0.00", "slow rate 0.25", "file drop", "outbox");
            assertThat(dir.resolve("inbox")).isDirectory();

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> stats = http.send(
                    HttpRequest.newBuilder(URI.create(url.group(1) + "/stats")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(stats.statusCode()).isEqualTo(200);
            HttpResponse<String> unsigned = http.send(
                    HttpRequest.newBuilder(URI.create(url.group(1) + "/dossiers"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .header("Content-Type", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unsigned.statusCode()).isEqualTo(400);
            while (!printed().contains("rejected 1") && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(printed()).contains("agency-sim: requests 1: accepted 0, duplicates 0, rejected 1");

            run.interrupt();
            run.join(5000);
            assertThat(run.isAlive()).isFalse();
            assertThat(result.get()).isEmpty();
            try {
                http.send(
                        HttpRequest.newBuilder(URI.create(url.group(1) + "/stats"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                throw new AssertionError("the simulator still answers after the command ended");
            } catch (ConnectException expected) {
                // stopped
            }
        } finally {
            run.interrupt();
        }
    }

    @Test
    void refusesToStartWithoutASecret() {
        Optional<Throwable> result = cli(name -> null).run("agency-sim", "--port", "0");

        assertThat(result).isPresent();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--secret", "AGENCY_SECRET");
    }

    @Test
    void refusesADropFolderWithoutAnAckFolder() {
        Optional<Throwable> result =
                cli(name -> null).run("agency-sim", "--port", "0", "--secret", "s", "--drop-dir", dir.toString());

        assertThat(result).isPresent();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--drop-dir and --ack-dir go together");
    }
}
