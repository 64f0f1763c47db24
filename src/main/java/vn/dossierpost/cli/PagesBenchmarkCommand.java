package vn.dossierpost.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.db.Database;

/**
 * {@code bench-pages config.yml --url http://127.0.0.1:8080 --username CLERK --password P --dossiers
 * 1000000 --count 2000}: fills the service's database to {@code --dossiers} dossiers ({@link
 * DossierSeed}), signs in to the pages as a counter clerk (the login form's CSRF cookie, then the
 * session cookie), and times, one page after another over loopback, the clerk's today page, the
 * dossier search by CCCD, by name (without diacritics) and by phone, and the public tracking page
 * {@code /tra-cuu/{s10}}, and with {@code --supervisor-username} the supervisor's dashboard of all
 * offices (one client): throughput and p50/p95/p99 per page. Each page stops at {@code --count}
 * requests or {@code --seconds}, whichever comes first. The values searched for are drawn from the
 * clerk's office's dossiers, so each search finds something. The public page is under the tracking
 * rate limit per address: start the service with a high {@code tracking.requestsPerMinute}.
 */
public class PagesBenchmarkCommand extends ConfiguredCommand<DossierpostConfiguration> {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public PagesBenchmarkCommand() {
        super("bench-pages", "Fill to N dossiers and measure the counter's pages and the public tracking page");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        LoadRun.addServiceArguments(subparser, 8, 2000);
        subparser.addArgument("--dossiers").type(Long.class).setDefault(1_000_000L);
        subparser.addArgument("--seconds").type(Integer.class).setDefault(60).help("at most this long per page");
        subparser.addArgument("--samples").type(Integer.class).setDefault(200).help("distinct values searched for");
        subparser.addArgument("--supervisor-username").help("a supervisor or administrator: times the dashboard too");
        subparser.addArgument("--supervisor-password");
    }

    @Override
    protected void run(Bootstrap<DossierpostConfiguration> bootstrap, Namespace ns, DossierpostConfiguration config)
            throws Exception {
        String base = LoadRun.baseUrl(ns);
        URI uri = URI.create(base);
        if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
            throw new IllegalArgumentException("bench-pages runs against 127.0.0.1 only, not " + uri.getHost());
        }
        String office;
        List<String[]> samples = new ArrayList<>();
        try (Database database = Database.openForCommand(config);
                Connection c = database.connect()) {
            long t0 = System.nanoTime();
            System.out.printf("filling to %,d dossiers…%n", ns.getLong("dossiers"));
            long added = DossierSeed.fillTo(
                    c,
                    database::connect,
                    ns.getLong("dossiers"),
                    1_000_000,
                    2,
                    config.getIntake().timeZone,
                    System.out);
            System.out.printf(
                    "%,d added in %.0f s; %,d dossiers in all%n",
                    added, (System.nanoTime() - t0) / 1e9, DossierSeed.count(c, "SELECT count(*) FROM dossier"));
            office = officeOf(c, ns.getString("username"));
            samples = samples(c, office, ns.getInt("samples"));
        }
        String session = signIn(base, ns.getString("username"), ns.getString("password"));
        int count = ns.getInt("count");
        int concurrency = ns.getInt("concurrency");
        long deadline = ns.getInt("seconds") * 1_000_000_000L;
        List<String[]> s = samples;
        System.out.printf(
                "office %s, %d clients, at most %d requests or %d s per page%n",
                office, concurrency, count, ns.getInt("seconds"));
        run("today /counter", count, concurrency, deadline, i -> get(base + "/counter", session, 200));
        run("search by CCCD", count, concurrency, deadline, i -> search(base, session, s.get(i % s.size())[0]));
        run("search by name", count, concurrency, deadline, i -> search(base, session, s.get(i % s.size())[1]));
        run("search by phone", count, concurrency, deadline, i -> search(base, session, s.get(i % s.size())[2]));
        run(
                "public /tra-cuu/{s10}",
                count,
                concurrency,
                deadline,
                i -> get(base + "/tra-cuu/" + s.get(i % s.size())[3], null, 200));
        String supervisor = ns.getString("supervisor_username");
        if (supervisor != null) {
            String supervisorSession = signIn(base, supervisor, ns.getString("supervisor_password"));
            run("dashboard /supervisor", count, 1, deadline, i -> get(base + "/supervisor", supervisorSession, 200));
        }
    }

    /** Requests 0..count-1 on {@code concurrency} clients until {@code maxNanos} have passed; those not sent are left out. */
    private static void run(String name, int count, int concurrency, long maxNanos, LoadRun.Task<String> task)
            throws Exception {
        long[] latencies = new long[count];
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        String[] firstError = new String[1];
        long start = System.nanoTime();
        LoadRun.parallel(count, concurrency, i -> {
            long t0 = System.nanoTime();
            if (t0 - start > maxNanos) {
                latencies[i] = -1;
                return null;
            }
            String error;
            try {
                error = task.run(i);
            } catch (Exception e) {
                error = e.toString();
            }
            latencies[i] = System.nanoTime() - t0;
            if (error != null && failures.getAndIncrement() == 0) {
                firstError[0] = error.length() > 300 ? error.substring(0, 300) : error;
            }
            return null;
        });
        long elapsed = System.nanoTime() - start;
        long[] sent = java.util.Arrays.stream(latencies).filter(l -> l >= 0).toArray();
        System.out.printf(
                Locale.ROOT,
                "%-24s %,6d requests in %.1f s, %d failed: %.0f pages/s; ",
                name,
                sent.length,
                elapsed / 1e9,
                failures.get(),
                sent.length / (elapsed / 1e9));
        new LoadRun.Result(sent.length, elapsed, sent, failures.get(), firstError[0]).printLatencies(System.out);
    }

    private static String search(String base, String session, String q) throws IOException {
        return get(base + "/counter/ho-so?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), session, 200);
    }

    /** Null when the page answered {@code expected} with a body, else what it answered. */
    static String get(String url, String session, int expected) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setInstanceFollowRedirects(false);
        c.setConnectTimeout(5_000);
        c.setReadTimeout(30_000);
        if (session != null) {
            c.setRequestProperty("Cookie", "dossierpost_session=" + session);
        }
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            byte[] body = in == null ? new byte[0] : in.readAllBytes();
            return status == expected && body.length > 0
                    ? null
                    : status + " " + new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The sign-in form's flow: its CSRF cookie and field, then the session cookie of the 303. */
    static String signIn(String base, String username, String password) throws IOException {
        HttpURLConnection form =
                (HttpURLConnection) URI.create(base + "/login").toURL().openConnection();
        String loginCookie = cookie(form, "dossierpost_login_csrf");
        String page;
        try (InputStream in = form.getInputStream()) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = CSRF.matcher(page);
        if (loginCookie == null || !m.find()) {
            throw new IllegalStateException("the sign-in form gave no CSRF token");
        }
        byte[] body = ("_csrf=" + enc(m.group(1)) + "&username=" + enc(username) + "&password=" + enc(password)
                        + "&next=%2Fcounter")
                .getBytes(StandardCharsets.UTF_8);
        HttpURLConnection post =
                (HttpURLConnection) URI.create(base + "/login").toURL().openConnection();
        post.setInstanceFollowRedirects(false);
        post.setRequestMethod("POST");
        post.setDoOutput(true);
        post.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        post.setRequestProperty("Cookie", "dossierpost_login_csrf=" + loginCookie);
        try (OutputStream out = post.getOutputStream()) {
            out.write(body);
        }
        String session = cookie(post, "dossierpost_session");
        if (post.getResponseCode() != 303 || session == null) {
            throw new IllegalStateException("signing in as " + username + " failed: " + post.getResponseCode());
        }
        return session;
    }

    private static String cookie(HttpURLConnection c, String name) throws IOException {
        c.getResponseCode();
        List<String> set = c.getHeaderFields().getOrDefault("Set-Cookie", List.of());
        for (String header : set) {
            if (header.startsWith(name + "=")) {
                String value = header.substring(name.length() + 1).split(";", 2)[0];
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String officeOf(Connection c, String username) throws Exception {
        try (PreparedStatement st = c.prepareStatement("SELECT office_code FROM app_user WHERE username = ?")) {
            st.setString(1, username);
            try (ResultSet r = st.executeQuery()) {
                if (!r.next() || r.getString(1) == null) {
                    throw new IllegalArgumentException(username + " is not a counter clerk of an office");
                }
                return r.getString(1);
            }
        }
    }

    /** CCCD, the name folded and cut to its last two words, phone and S10 of dossiers spread over the office's. */
    private static List<String[]> samples(Connection c, String office, int n) throws Exception {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT applicant_citizen_id, array_to_string(applicant_name_words, ' '), applicant_phone, s10_number FROM dossier "
                        + "TABLESAMPLE SYSTEM (1) WHERE office_code = ? AND s10_number IS NOT NULL LIMIT ?")) {
            st.setString(1, office);
            st.setInt(2, n);
            try (ResultSet r = st.executeQuery()) {
                while (r.next()) {
                    String[] words = r.getString(2).split(" ");
                    String name = words.length >= 2
                            ? words[words.length - 2] + " " + words[words.length - 1]
                            : r.getString(2);
                    out.add(new String[] {r.getString(1), name, r.getString(3), r.getString(4)});
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("office " + office + " has no dossiers to search for");
        }
        return out;
    }
}
