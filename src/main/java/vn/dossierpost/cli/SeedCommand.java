package vn.dossierpost.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.sql.Connection;
import java.util.Locale;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Handle;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.db.Database;

/**
 * {@code bench-seed config.yml --dossiers 10000000}: adds that many dossiers to the configured
 * database ({@link DossierSeed}: set-based, a batch of {@code --batch} per transaction, {@code
 * --workers} batches at once on connections of their own, with a progress line and the rate of each),
 * so anyone can rebuild the database the benchmarks are measured on in minutes. Works with the
 * service running on the same data directory or not.
 */
public class SeedCommand extends ConfiguredCommand<DossierpostConfiguration> {

    public SeedCommand() {
        super("bench-seed", "Add N realistic dossiers (with timelines, payments, handovers, deliveries) set-based");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--dossiers").type(Long.class).required(true).help("how many dossiers to add");
        subparser
                .addArgument("--batch")
                .type(Integer.class)
                .setDefault(1_000_000)
                .help("dossiers per transaction (default 1,000,000)");
        subparser
                .addArgument("--workers")
                .type(Integer.class)
                .setDefault(2)
                .help("batches written at once, each on a connection of its own (default 2)");
    }

    @Override
    protected void run(Bootstrap<DossierpostConfiguration> bootstrap, Namespace ns, DossierpostConfiguration config)
            throws Exception {
        long n = ns.getLong("dossiers");
        int batch = ns.getInt("batch");
        int workers = ns.getInt("workers");
        try (Database database = Database.openForCommand(config);
                Handle h = database.migratedJdbi().open()) {
            Connection c = h.getConnection();
            long t0 = System.nanoTime();
            System.out.printf(
                    Locale.ROOT, "bench-seed: adding %,d dossiers, %,d a batch, %d at once…%n", n, batch, workers);
            DossierSeed.add(c, database::connect, n, batch, workers, config.getIntake().timeZone, System.out);
            System.out.printf(
                    Locale.ROOT,
                    "bench-seed: %,d added in %.0f s; %,d dossiers in all: %s%n",
                    n,
                    (System.nanoTime() - t0) / 1e9,
                    DossierSeed.count(c, "SELECT count(*) FROM dossier"),
                    DossierSeed.byStatus(c));
        }
    }
}
