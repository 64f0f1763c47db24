package vn.dossierpost.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.db.Database;
import vn.dossierpost.service.counter.FixityCheck;
import vn.dossierpost.service.counter.FixityRecorder;
import vn.dossierpost.storage.BlobStore;
import vn.dossierpost.storage.BlobStores;

/**
 * {@code fixity config.yml}: re-hashes every stored scan and prints the counts and each missing or
 * damaged file with its dossier; exits with status 1 when there is any. Safe while the service runs
 * (it only reads the blobs, and marks failures in the database as a download would).
 */
public class FixityCommand extends ConfiguredCommand<DossierpostConfiguration> {
    private final PrintStream out;

    public FixityCommand() {
        this(System.out);
    }

    public FixityCommand(PrintStream out) {
        super("fixity", "Re-hash every stored scan; report missing and damaged files (exit status 1 if any)");
        this.out = out;
    }

    /** Thrown to end the command with a non-zero exit status once the report is printed. */
    public static final class ProblemsFound extends RuntimeException {
        ProblemsFound(String message) {
            super(message);
        }
    }

    @Override
    protected void run(
            Bootstrap<DossierpostConfiguration> bootstrap, Namespace namespace, DossierpostConfiguration config)
            throws Exception {
        try (Database database = Database.openForCommand(config)) {
            Jdbi jdbi = database.migratedJdbi();
            BlobStore store = BlobStores.open(config);
            Clock clock = Clock.system(ZoneId.of(config.getIntake().timeZone));
            FixityRecorder recorder = new FixityRecorder(jdbi, bootstrap.getObjectMapper(), clock);
            FixityCheck.Report report = new FixityCheck(jdbi, store, recorder).run();
            print(report, store.location(), store.countStaleStaging(Duration.ofHours(1)));
            if (!report.clean()) {
                throw new ProblemsFound("fixity: " + report.missing().size() + " missing and "
                        + report.corrupted().size() + " corrupted stored files");
            }
        }
    }

    private void print(FixityCheck.Report r, String location, int staleStaging) {
        out.printf(
                Locale.ROOT,
                "fixity: %d stored files (%.1f MB intact) used by %d file records, checked in %.1f s under %s%n",
                r.blobs(),
                r.bytes() / 1e6,
                r.files(),
                r.elapsed().toMillis() / 1000.0,
                location);
        out.printf(
                Locale.ROOT,
                "intact %d, missing %d, corrupted %d; unreferenced %d, stale staging files %d%n",
                r.blobs() - r.missing().size() - r.corrupted().size(),
                r.missing().size(),
                r.corrupted().size(),
                r.unreferencedBlobs(),
                staleStaging);
        for (FixityCheck.Failure f : r.missing()) {
            out.printf("MISSING %s%s%n", f.fixity().sha256(), f.newlyRecorded() ? " (new)" : "");
            files(f);
        }
        for (FixityCheck.Failure f : r.corrupted()) {
            out.printf(
                    "CORRUPTED %s now hashes to %s (%d bytes)%s%n",
                    f.fixity().sha256(),
                    f.fixity().actualSha256(),
                    f.fixity().actualSize(),
                    f.newlyRecorded() ? " (new)" : "");
            files(f);
        }
        out.flush();
    }

    private void files(FixityCheck.Failure f) {
        for (FixityCheck.AffectedFile a : f.files()) {
            out.printf(
                    "  file %d '%s' (%s) of dossier %s%n",
                    a.file().id(), a.file().originalName(), a.file().componentCode(), a.dossierCode());
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof ProblemsFound) {
            cli.getStdErr().println(e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
