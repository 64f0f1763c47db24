package vn.dossierpost.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.db.Database;
import vn.dossierpost.domain.RetentionRule;
import vn.dossierpost.service.retention.RetentionPurge;
import vn.dossierpost.storage.BlobStore;
import vn.dossierpost.storage.BlobStores;

/**
 * {@code retention config.yml [--dry-run]}: purges the scans and personal data of dossiers closed
 * longer than {@code retention.years} ago (the daily job's work, run by hand), or with
 * {@code --dry-run} lists what would go and changes nothing. Safe while the service runs: each
 * dossier is purged in its own transaction under its row lock.
 */
public class RetentionCommand extends ConfiguredCommand<DossierpostConfiguration> {
    private final PrintStream out;
    private final Clock clock;

    public RetentionCommand() {
        this(System.out, null);
    }

    /** {@code clock} null: the system clock in the intake's time zone. */
    public RetentionCommand(PrintStream out, Clock clock) {
        super("retention", "Purge scans and personal data of dossiers closed longer than the retention period ago");
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser
                .addArgument("--dry-run")
                .dest("dryRun")
                .action(Arguments.storeTrue())
                .help("list what would go (code, closed at, files, bytes); change nothing");
    }

    @Override
    protected void run(
            Bootstrap<DossierpostConfiguration> bootstrap, Namespace namespace, DossierpostConfiguration config)
            throws Exception {
        try (Database database = Database.openForCommand(config)) {
            Jdbi jdbi = database.migratedJdbi();
            BlobStore store = BlobStores.open(config);
            Clock now = clock != null ? clock : Clock.system(ZoneId.of(config.getIntake().timeZone));
            int years = config.getRetention().years;
            RetentionPurge purge = new RetentionPurge(jdbi, store, new RetentionRule(years), now);
            if (Boolean.TRUE.equals(namespace.getBoolean("dryRun"))) {
                list(purge.due(), years, now.getZone());
            } else {
                RetentionPurge.Summary s = purge.purge();
                out.printf(
                        Locale.ROOT,
                        "retention: %d dossiers purged, %d scan records (%d bytes) removed, %d stored files deleted;"
                                + " %d kept under a hold%n",
                        s.dossiers(),
                        s.files(),
                        s.bytes(),
                        s.blobsDeleted(),
                        s.kept());
            }
            out.flush();
        }
    }

    private void list(List<RetentionPurge.Due> due, int years, ZoneId zone) {
        out.printf(
                Locale.ROOT,
                "retention (dry run): %d dossiers closed more than %d years ago would be purged%n",
                due.size(),
                years);
        long files = 0;
        long bytes = 0;
        for (RetentionPurge.Due d : due) {
            out.printf(
                    Locale.ROOT,
                    "%s closed %s, %d files, %d bytes%n",
                    d.code(),
                    d.closedAt().atZone(zone).toOffsetDateTime(),
                    d.files(),
                    d.bytes());
            files += d.files();
            bytes += d.bytes();
        }
        out.printf(Locale.ROOT, "total: %d files, %d bytes%n", files, bytes);
    }
}
