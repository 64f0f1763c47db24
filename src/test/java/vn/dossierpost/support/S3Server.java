package vn.dossierpost.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real S3-protocol server for tests: S3Proxy keeping its buckets as folders under a test folder
 * (jclouds' filesystem provider), so a test can look at the stored objects and damage one. It runs as
 * a child process from the runnable jar the build copies to {@code target/s3proxy/} (pom.xml): in the
 * test JVM its Jetty 11 and the libraries bundled with it would meet Dropwizard's. One per test JVM,
 * started on first use (it takes some seconds), stopped when the JVM ends; each test class takes
 * buckets of its own ({@link #newBucket}).
 *
 * <p>It checks AWS signatures with the access key {@link #ACCESS_KEY}; the service's S3 client finds
 * the keys through the SDK's default chain, here the system properties {@code aws.accessKeyId} and
 * {@code aws.secretAccessKey} that {@link #shared} sets (in production, the environment).
 */
public final class S3Server {
    public static final String ACCESS_KEY = "dossierpost-test";
    public static final String SECRET_KEY = "dossierpost-test-secret";
    private static final Path JAR = Path.of("target", "s3proxy", "s3proxy.jar");
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static S3Server shared;

    private final Path root;
    private final int port;
    private final Process process;

    private S3Server(Path root, int port, Process process) {
        this.root = root;
        this.port = port;
        this.process = process;
    }

    /** The server of this test JVM, started if it is not yet. */
    public static synchronized S3Server shared() {
        if (shared == null) {
            System.setProperty("aws.accessKeyId", ACCESS_KEY);
            System.setProperty("aws.secretAccessKey", SECRET_KEY);
            shared = start(TestApp.newDataDir().resolve("s3"));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    private static S3Server start(Path root) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(
                    JAR + " is missing: run the tests through Maven (mvn test), which copies it");
        }
        try {
            Files.createDirectories(root.resolve("buckets"));
            int port = freePort();
            Path properties = root.resolve("s3proxy.properties");
            Files.writeString(
                    properties,
                    String.join(
                            "\n",
                            "s3proxy.endpoint=http://127.0.0.1:" + port,
                            "s3proxy.authorization=aws-v2-or-v4",
                            "s3proxy.identity=" + ACCESS_KEY,
                            "s3proxy.credential=" + SECRET_KEY,
                            "jclouds.provider=filesystem",
                            "jclouds.filesystem.basedir="
                                    + root.resolve("buckets").toAbsolutePath(),
                            ""),
                    StandardCharsets.UTF_8);
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(
                            java,
                            "-Xmx256m",
                            "-XX:TieredStopAtLevel=1",
                            "-jar",
                            JAR.toAbsolutePath().toString(),
                            "--properties",
                            properties.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(root.resolve("s3proxy.log").toFile())
                    .start();
            S3Server server = new S3Server(root, port, process);
            server.awaitAnswer(Duration.ofSeconds(90));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the server answers HTTP at all (403 to an unsigned request is an answer). */
    private void awaitAnswer(Duration patience) {
        Instant until = Instant.now().plus(patience);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy ended with " + process.exitValue() + "; see " + log());
            }
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint().toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(5000);
                c.getResponseCode();
                c.disconnect();
                return;
            } catch (IOException notYet) {
                sleep(200);
            }
        }
        stop();
        throw new IllegalStateException("S3Proxy did not answer within " + patience + "; see " + log());
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A new bucket name; its folder exists, so the bucket does ({@link #bucketFolder}). */
    public String newBucket(String prefix) {
        String name = prefix + "-" + BUCKETS.incrementAndGet();
        try {
            Files.createDirectories(bucketFolder(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return name;
    }

    /** The folder where the server keeps the bucket's objects, each at its key as a path. */
    public Path bucketFolder(String bucket) {
        return root.resolve("buckets").resolve(bucket);
    }

    /** The object of a blob in the bucket, as a file. */
    public Path object(String bucket, String sha256) {
        return bucketFolder(bucket)
                .resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }

    public Path log() {
        return root.resolve("s3proxy.log");
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
