package vn.dossierpost.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * What the benchmark commands share: the options naming the service and the user, a pool of
 * client threads that stops after a fixed count, per-request latencies with their percentiles, and
 * one request sent with HttpURLConnection in fixed-length streaming mode — the JDK HttpClient spent
 * more CPU than the service itself on a 2-core machine, and the load generator shares that machine.
 */
final class LoadRun {
    private LoadRun() {}

    /** One unit of work; for {@link #measure}, returns null when it succeeded, else what went wrong. */
    interface Task<T> {
        T run(int i) throws Exception;
    }

    static void addServiceArguments(Subparser subparser, int concurrency, int count) {
        subparser.addArgument("--url").setDefault("http://127.0.0.1:8080");
        subparser.addArgument("--username").required(true).help("a COUNTER user");
        subparser.addArgument("--password").setDefault(System.getenv().getOrDefault("DOSSIERPOST_PASSWORD", ""));
        subparser.addArgument("--concurrency").type(Integer.class).setDefault(concurrency);
        subparser.addArgument("--count").type(Integer.class).setDefault(count);
    }

    static String baseUrl(Namespace ns) {
        return ns.getString("url").replaceAll("/+$", "");
    }

    static String basicAuth(Namespace ns) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((ns.getString("username") + ":" + ns.getString("password"))
                                .getBytes(StandardCharsets.UTF_8));
    }

    /** Runs tasks 0..n-1 on {@code concurrency} threads; rethrows the first exception once all are done. */
    static void parallel(int n, int concurrency, Task<?> task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        Exception[] failure = new Exception[1];
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int t = 0; t < concurrency; t++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    try {
                        task.run(i);
                    } catch (Exception e) {
                        synchronized (failure) {
                            if (failure[0] == null) failure[0] = e;
                        }
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(2, TimeUnit.HOURS)) {
            pool.shutdownNow();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /** Runs and times each task; a task's answer other than null, or its exception, counts as a failure. */
    static Result measure(int n, int concurrency, Task<String> task) throws Exception {
        long[] latencies = new long[n];
        AtomicInteger failures = new AtomicInteger();
        String[] firstError = new String[1];
        long start = System.nanoTime();
        parallel(n, concurrency, i -> {
            long t0 = System.nanoTime();
            String error;
            try {
                error = task.run(i);
            } catch (Exception e) {
                error = e.toString();
            }
            latencies[i] = System.nanoTime() - t0;
            if (error != null) {
                failures.incrementAndGet();
                synchronized (firstError) {
                    if (firstError[0] == null) firstError[0] = error;
                }
            }
            return null;
        });
        return new Result(n, System.nanoTime() - start, latencies, failures.get(), firstError[0]);
    }

    /** Sends one request whose body is {@code parts} in order; null when it answered {@code expected}, else status and body. */
    static String send(
            String method,
            String url,
            String auth,
            String contentType,
            int readTimeoutMillis,
            int expected,
            byte[]... parts)
            throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestMethod(method);
        c.setDoOutput(true);
        c.setConnectTimeout(5_000);
        c.setReadTimeout(readTimeoutMillis);
        c.setFixedLengthStreamingMode(
                Arrays.stream(parts).mapToLong(p -> p.length).sum());
        c.setRequestProperty("Authorization", auth);
        c.setRequestProperty("Content-Type", contentType);
        try (OutputStream out = c.getOutputStream()) {
            for (byte[] part : parts) {
                out.write(part);
            }
        }
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            String answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return status == expected ? null : status + " " + answer;
        }
    }

    record Result(int count, long elapsedNanos, long[] latencies, int failures, String firstError) {
        double seconds() {
            return elapsedNanos / 1e9;
        }

        void printLatencies(PrintStream out) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            out.printf(
                    Locale.ROOT,
                    "latency ms: p50 %.2f, p95 %.2f, p99 %.2f, max %.2f%n",
                    pct(sorted, 50),
                    pct(sorted, 95),
                    pct(sorted, 99),
                    sorted[sorted.length - 1] / 1e6);
            if (firstError != null) {
                out.println("first failure: " + firstError);
            }
        }
    }

    /** The {@code p}th percentile (nearest rank) of sorted nanosecond latencies, in milliseconds; 0 for none. */
    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1e6;
    }
}
