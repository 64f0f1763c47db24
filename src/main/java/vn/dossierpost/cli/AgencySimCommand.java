package vn.dossierpost.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import vn.dossierpost.agencysim.AgencySimulator;

/**
 * {@code agency-sim --secret S [--port 9090] [--fail-rate 0.1] [--delay-ms 500] [--slow-rate 0.05] [--ack-twice]
 * [--drop-dir DIR --ack-dir DIR]}: runs the stand-in agency ({@link AgencySimulator}) until killed,
 * for trying the service by hand and for benchmarks. Needs no config.yml: it has nothing to do with
 * the service's database. The secret may come from AGENCY_SECRET instead (a command line is visible
 * to other users). Prints the URL at start, then a line of counters every 10 s when they changed.
 */
public class AgencySimCommand extends Command {
    static final String SECRET_ENV = "AGENCY_SECRET";

    private final PrintStream out;
    private final UnaryOperator<String> env;
    private final Duration reportEvery;

    public AgencySimCommand() {
        this(System.out, System::getenv, Duration.ofSeconds(10));
    }

    AgencySimCommand(PrintStream out, UnaryOperator<String> env, Duration reportEvery) {
        super("agency-sim", "Run a stand-in agency taking dossiers over HTTP (and by file drop) until killed");
        this.out = out;
        this.env = env;
        this.reportEvery = reportEvery;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser
                .addArgument("--port")
                .type(Integer.class)
                .setDefault(9090)
                .help("HTTP port on 127.0.0.1 (0: any free one)");
        subparser
                .addArgument("--secret")
                .help("the agency's HMAC secret (default: the environment variable " + SECRET_ENV + ")");
        subparser
                .addArgument("--fail-rate")
                .dest("failRate")
                .type(Double.class)
                .setDefault(0.0)
                .help("share of requests (0 to 1) answered 500");
        subparser
                .addArgument("--delay-ms")
                .dest("delayMs")
                .type(Long.class)
                .setDefault(0L)
                .help("wait before every answer (or the --slow-rate share of them), after the dossier is recorded");
        subparser
                .addArgument("--slow-rate")
                .dest("slowRate")
                .type(Double.class)
                .setDefault(1.0)
                .help("share of answers (0 to 1) that wait for --delay-ms; the rest come at once");
        subparser
                .addArgument("--ack-twice")
                .dest("ackTwice")
                .action(Arguments.storeTrue())
                .help("answer duplicates with 201 and write each file-drop acknowledgement twice");
        subparser
                .addArgument("--drop-dir")
                .dest("dropDir")
                .help("folder the service drops handover ZIPs into (with --ack-dir)");
        subparser
                .addArgument("--ack-dir")
                .dest("ackDir")
                .help("the service's inbox folder for this agency's acknowledgements");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace ns) throws Exception {
        AgencySimulator.Builder builder = AgencySimulator.builder(secret(ns))
                .port(ns.getInt("port"))
                .failRate(ns.getDouble("failRate"))
                .delay(Duration.ofMillis(ns.getLong("delayMs")))
                .slowRate(ns.getDouble("slowRate"))
                .ackTwice(ns.getBoolean("ackTwice"));
        String dropDir = ns.getString("dropDir");
        String ackDir = ns.getString("ackDir");
        if ((dropDir == null) != (ackDir == null)) {
            throw new IllegalArgumentException("--drop-dir and --ack-dir go together");
        }
        if (dropDir != null) {
            builder.fileDrop(Path.of(dropDir), Path.of(ackDir));
        }
        try (AgencySimulator sim = builder.start()) {
            Thread hook = new Thread(
                    () -> { // Ctrl-C: stop serving, then the final counters
                        sim.close();
                        out.println("agency-sim: stopped; " + sim.stats().summary());
                    },
                    "agency-sim-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                out.println(startLine(sim, dropDir, ackDir));
                report(sim);
            } finally {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
    }

    private String secret(Namespace ns) {
        String secret = ns.getString("secret");
        if (secret == null || secret.isEmpty()) {
            secret = env.apply(SECRET_ENV);
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException(
                    "agency-sim needs the agency secret: --secret, or the environment variable " + SECRET_ENV);
        }
        return secret;
    }

    private String startLine(AgencySimulator sim, String dropDir, String ackDir) {
        String line = String.format(
                Locale.ROOT,
                "agency-sim: POST %s/dossiers (stats: GET %s/stats); fail rate %.2f,"
                        + " delay %d ms (slow rate %.2f), ack twice %s",
                sim.baseUrl(),
                sim.baseUrl(),
                sim.failRate(),
                sim.delay().toMillis(),
                sim.slowRate(),
                sim.ackTwice() ? "yes" : "no");
        if (dropDir == null) {
            return line;
        }
        return line + "; file drop " + Path.of(dropDir).toAbsolutePath() + " -> acks in "
                + Path.of(ackDir).toAbsolutePath();
    }

    /** Until interrupted: the counters, when they changed since the last line. */
    private void report(AgencySimulator sim) {
        AgencySimulator.Stats last = sim.stats();
        try {
            while (true) {
                Thread.sleep(reportEvery.toMillis());
                AgencySimulator.Stats now = sim.stats();
                if (!now.equals(last)) {
                    out.println("agency-sim: " + now.summary());
                    last = now;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof IllegalArgumentException) {
            cli.getStdErr().println(e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
