package vn.dossierpost.app;

import io.dropwizard.core.setup.Environment;
import vn.dossierpost.resources.ComplaintResource;
import vn.dossierpost.resources.IncidentResource;
import vn.dossierpost.resources.SatisfactionResource;
import vn.dossierpost.service.notify.Ratings;
import vn.dossierpost.service.supervision.Complaints;
import vn.dossierpost.service.supervision.Incidents;
import vn.dossierpost.web.RatingPages;
import vn.dossierpost.web.supervisor.ComplaintPages;

/**
 * After the service: the complaints register and the items lost or damaged, with their clocks
 * (TT 17/2017 Art. 8; QĐ 45 Art. 14) and the supervisor's page, and the applicants' ratings (the
 * public form their delivery message links to, and the averages for supervisors).
 */
public final class AftercareModule {
    private final Environment environment;

    public AftercareModule(Environment environment) {
        this.environment = environment;
    }

    public void register(SharedParts shared) {
        var changes = shared.dossiers().changes();
        Complaints complaints =
                new Complaints(shared.jdbi(), shared.referenceData(), changes, shared.notifications(), shared.clock());
        Incidents incidents = new Incidents(shared.jdbi(), shared.dossiers(), changes, shared.clock());
        environment.jersey().register(new ComplaintResource(complaints));
        environment.jersey().register(new IncidentResource(incidents));
        environment.jersey().register(new ComplaintPages(complaints, incidents));
        Ratings ratings = new Ratings(shared.jdbi(), shared.referenceData(), shared.clock());
        environment.jersey().register(new SatisfactionResource(ratings));
        environment.jersey().register(new RatingPages(ratings));
    }
}
