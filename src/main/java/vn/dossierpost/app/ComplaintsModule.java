package vn.dossierpost.app;

import io.dropwizard.core.setup.Environment;
import vn.dossierpost.resources.ComplaintResource;
import vn.dossierpost.resources.IncidentResource;
import vn.dossierpost.service.supervision.Complaints;
import vn.dossierpost.service.supervision.Incidents;

/** The complaints register and the items lost or damaged, with their clocks (TT 17/2017 Art. 8; QĐ 45 Art. 14). */
public final class ComplaintsModule {
    private final Environment environment;

    public ComplaintsModule(Environment environment) {
        this.environment = environment;
    }

    public void register(SharedParts shared) {
        environment
                .jersey()
                .register(new ComplaintResource(new Complaints(
                        shared.jdbi(),
                        shared.referenceData(),
                        shared.dossiers().changes(),
                        shared.notifications(),
                        shared.clock())));
        environment
                .jersey()
                .register(new IncidentResource(new Incidents(
                        shared.jdbi(), shared.dossiers(), shared.dossiers().changes(), shared.clock())));
    }
}
