package vn.dossierpost.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM started by {@link ServiceProcesses}: the service or one of its commands, its output
 * (stdout and stderr together) in a log file.
 */
public final class ServiceProcess {
    public static final Duration HEALTHY_WITHIN = Duration.ofSeconds(60);
    public static final Duration STOP_WITHIN = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final String name;
    private final Process process;
    private final Path log;

    ServiceProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public String name() {
        return name;
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last 60 lines of the output, headed with the log file, name and pid. */
    public String tail() {
        String[] lines = output().split("\n");
        int from = Math.max(0, lines.length - 60);
        return "--- last lines of " + log + " (" + name + ", pid " + process.pid() + ") ---\n"
                + String.join("\n", Arrays.copyOfRange(lines, from, lines.length));
    }

    public void assertExitsZero(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            fail(name + " did not finish within " + within.toSeconds() + " s\n" + tail());
        }
        if (process.exitValue() != 0) {
            fail(name + " exited with " + process.exitValue() + "\n" + tail());
        }
    }

    /** Polls the admin health check until 200 and returns the time from process start. */
    public long awaitHealthy(int adminPort) throws InterruptedException {
        long t0 = process.info().startInstant().map(i -> i.toEpochMilli()).orElse(System.currentTimeMillis());
        long deadline = System.nanoTime() + HEALTHY_WITHIN.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/healthcheck"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail(name + " exited with " + process.exitValue() + " before it was healthy\n" + tail());
            }
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return System.currentTimeMillis() - t0;
                }
                last = response.statusCode() + " " + response.body();
            } catch (ConnectException e) {
                last = "not listening yet";
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        fail(name + " not healthy within " + HEALTHY_WITHIN.toSeconds() + " s (last: " + last + ")\n" + tail());
        return -1;
    }

    /** SIGTERM and wait for the exit, as an operator's service manager does. */
    public void stopGracefully() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
            fail(name + " did not stop within " + STOP_WITHIN.toSeconds() + " s of SIGTERM\n" + tail());
        }
    }

    /**
     * kill -9: on Linux {@link Process#destroyForcibly()} sends SIGKILL, so no shutdown hook, no
     * graceful stop of anything; waits until the process is gone.
     */
    public void kill() throws InterruptedException {
        if (!process.destroyForcibly().waitFor(10, TimeUnit.SECONDS)) {
            fail(name + " (pid " + process.pid() + ") still running 10 s after SIGKILL");
        }
    }

    /** SIGTERM, then SIGKILL if it has not stopped within {@link #STOP_WITHIN}. */
    void destroy() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
