package vn.dossierpost.db;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;

/**
 * Liquibase change that imports a catalogue file, so a fresh database gets its reference data with the
 * schema: {@code <customChange class="vn.dossierpost.db.CatalogueChange"><param name="resource"
 * value="migrations/catalogue.json"/></customChange>}.
 *
 * <p>It writes through Liquibase's own connection and inside Liquibase's transaction: the connection is
 * neither closed nor committed here, so the data and the changelog row are committed together, and a
 * refused catalogue fails the change set without leaving anything behind.
 */
public class CatalogueChange extends ResourceChange {
    private CatalogueImporter.Result result;

    @Override
    public void execute(Database database) throws CustomChangeException {
        if (!(database.getConnection() instanceof JdbcConnection jdbcConnection)) {
            throw new CustomChangeException("the catalogue can only be imported into a live database");
        }
        Catalogue catalogue;
        try (InputStream in = open()) {
            catalogue = CatalogueImporter.read(in);
        } catch (IOException | CatalogueException e) {
            throw new CustomChangeException(getResource() + ": " + e.getMessage(), e);
        }
        Connection connection = jdbcConnection.getUnderlyingConnection();
        // Jdbi.create(Connection) never closes the connection, and the handle must not end Liquibase's
        // transaction when it closes: Liquibase commits it with the changelog row, or rolls it back.
        Jdbi jdbi = Jdbi.create(connection);
        jdbi.getConfig(Handles.class).setForceEndTransactions(false);
        try {
            result = jdbi.withHandle(handle -> CatalogueImporter.importInto(handle, catalogue));
        } catch (CatalogueException e) {
            throw new CustomChangeException(getResource() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String getConfirmationMessage() {
        return "Catalogue imported from " + getResource() + (result == null ? "" : ": " + result);
    }
}
