package vn.dossierpost.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.db.Database;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.supervision.PeriodicReports;
import vn.dossierpost.service.supervision.ReportKind;

/**
 * {@code report config.yml --kind service --period 2026-Q1 --format xlsx --out q1.xlsx}: writes a
 * periodic report (the same as {@code GET /api/reports/{kind}}) to a file, for the quarterly mail to
 * the ministry or a scheduled job. {@code --office} confines it to one post office.
 */
public class ReportCommand extends ConfiguredCommand<DossierpostConfiguration> {
    private final PrintStream out;

    public ReportCommand() {
        this(System.out);
    }

    public ReportCommand(PrintStream out) {
        super("report", "Write a periodic report (volumes, timeliness, revenue, service) as XLSX or PDF");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser
                .addArgument("--kind")
                .setDefault("service")
                .help("one of " + ReportKind.names() + " (default service)");
        subparser.addArgument("--period").help("2026-Q1…Q4, 2026-H1, 2026-H2 or 2026 (or --from and --to)");
        subparser.addArgument("--from").help("first day, YYYY-MM-DD");
        subparser.addArgument("--to").help("last day, YYYY-MM-DD");
        subparser
                .addArgument("--format")
                .setDefault("xlsx")
                .choices("xlsx", "pdf")
                .help("xlsx (default) or pdf");
        subparser.addArgument("--office").help("post office code: that office's figures only");
        subparser.addArgument("--out").required(true).help("the file to write");
    }

    /** The report could not be made from the arguments given; the message names the argument. */
    public static final class BadArgument extends RuntimeException {
        BadArgument(String message) {
            super(message);
        }
    }

    @Override
    protected void run(
            Bootstrap<DossierpostConfiguration> bootstrap, Namespace namespace, DossierpostConfiguration config)
            throws Exception {
        try (Database database = Database.openForCommand(config)) {
            Jdbi jdbi = database.migratedJdbi();
            PeriodicReports reports =
                    new PeriodicReports(jdbi, new ReferenceDataCache(jdbi), ZoneId.of(config.getIntake().timeZone));
            PeriodicReports.ReportFile file;
            try {
                file = reports.file(
                        namespace.getString("office"),
                        namespace.getString("kind"),
                        namespace.getString("period"),
                        namespace.getString("from"),
                        namespace.getString("to"),
                        namespace.getString("format"));
            } catch (Problem p) {
                throw new BadArgument("report: --" + p.getMessage());
            }
            Path target = Path.of(namespace.getString("out"));
            Files.write(target, file.content());
            out.printf("report: %s (%d bytes) written to %s%n", file.fileName(), file.content().length, target);
            out.flush();
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof BadArgument) {
            cli.getStdErr().println(e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
