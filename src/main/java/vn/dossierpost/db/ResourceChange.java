package vn.dossierpost.db;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * A change set that loads a data file named by its {@code resource} parameter (a class path path such
 * as {@code migrations/catalogue.json}), found through Liquibase's resource accessor or, failing
 * that, on the class path.
 */
public abstract class ResourceChange implements CustomTaskChange {
    private String resource;
    private ResourceAccessor resourceAccessor;

    public String getResource() {
        return resource;
    }

    public void setResource(String resource) {
        this.resource = resource;
    }

    InputStream open() throws IOException {
        if (resourceAccessor != null) {
            try {
                return resourceAccessor.getExisting(resource).openInputStream();
            } catch (FileNotFoundException e) {
                // fall back to the class path below
            }
        }
        InputStream in = ResourceChange.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new FileNotFoundException("not found: " + resource);
        }
        return in;
    }

    @Override
    public void setUp() {}

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
        this.resourceAccessor = resourceAccessor;
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = new ValidationErrors();
        if (resource == null || resource.isBlank()) {
            errors.addError("resource is required (the class path path of the file to load)");
        }
        return errors;
    }
}
