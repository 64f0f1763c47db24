package vn.dossierpost.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.db.Catalogue;
import vn.dossierpost.db.CatalogueImporter;
import vn.dossierpost.db.Database;

/**
 * {@code catalogue import config.yml --file catalogue.json}: loads a deployment's catalogue (the full
 * list of communes, its procedures, agencies, offices, tariff, calendar) in one transaction; all of
 * it or none. Running services pick it up within a minute.
 */
public class CatalogueCommand extends ConfiguredCommand<DossierpostConfiguration> {

    public CatalogueCommand() {
        super("catalogue", "Import reference data from a catalogue file");
    }

    @Override
    public void configure(Subparser subparser) {
        Subparsers actions = subparser.addSubparsers().dest("action");
        Subparser load = actions.addParser("import").help("import (insert or update) a catalogue JSON file");
        addFileArgument(load);
        load.addArgument("--file").required(true).help("catalogue JSON, same shape as migrations/catalogue.json");
    }

    @Override
    protected void run(Bootstrap<DossierpostConfiguration> bootstrap, Namespace ns, DossierpostConfiguration config)
            throws Exception {
        Path file = Path.of(ns.getString("file"));
        Catalogue catalogue;
        try (InputStream in = Files.newInputStream(file)) {
            catalogue = CatalogueImporter.read(in);
        }
        try (Database database = Database.openForCommand(config)) {
            Jdbi jdbi = database.migratedJdbi();
            CatalogueImporter.Result result = jdbi.inTransaction(h -> CatalogueImporter.importInto(h, catalogue));
            System.out.println("imported " + result);
        }
    }
}
