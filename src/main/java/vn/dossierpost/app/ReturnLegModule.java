package vn.dossierpost.app;

import io.dropwizard.core.setup.Environment;
import vn.dossierpost.DossierpostConfiguration;
import vn.dossierpost.resources.CollectionResource;
import vn.dossierpost.resources.CourierResource;
import vn.dossierpost.resources.CouriersResource;
import vn.dossierpost.resources.DeliveryResource;
import vn.dossierpost.resources.PickupResource;
import vn.dossierpost.service.returnleg.AgencyNotices;
import vn.dossierpost.service.returnleg.CourierService;
import vn.dossierpost.service.returnleg.DeliveryAttempts;
import vn.dossierpost.service.returnleg.DeliveryQueries;
import vn.dossierpost.service.returnleg.DeliveryService;
import vn.dossierpost.service.returnleg.PickupService;
import vn.dossierpost.service.returnleg.ProofImages;

/**
 * The way back to the citizen: results collected at agencies (pickups), delivering offices,
 * couriers and their attempts, cash on delivery. The notices these changes owe an agency are sent by
 * the Camel context of {@link HandoverModule}.
 */
public final class ReturnLegModule {
    private final DossierpostConfiguration config;
    private final Environment environment;

    public ReturnLegModule(DossierpostConfiguration config, Environment environment) {
        this.config = config;
        this.environment = environment;
    }

    /** Registers the return leg's API; returns its services, which the counter's and the courier's pages share. */
    public ReturnLegServices register(SharedParts shared) {
        DossierpostConfiguration.Delivery settings = config.getDelivery();
        AgencyNotices agencyNotices = new AgencyNotices(shared.json(), shared.clock());
        DeliveryQueries queries =
                new DeliveryQueries(shared.jdbi(), shared.referenceData(), shared.store(), shared.zone());
        DeliveryService deliveries = new DeliveryService(
                shared.jdbi(),
                shared.dossiers(),
                shared.referenceData(),
                shared.notifications(),
                agencyNotices,
                queries,
                shared.clock(),
                shared.zone(),
                settings.daysBetweenAttempts,
                settings.attempts,
                settings.holdWorkingDays);
        DeliveryAttempts attempts = new DeliveryAttempts(
                shared.jdbi(),
                deliveries,
                shared.dossiers(),
                agencyNotices,
                new ProofImages(shared.store()),
                shared.json(),
                shared.clock(),
                shared.zone());
        PickupService pickups = new PickupService(
                shared.jdbi(),
                shared.dossiers(),
                deliveries,
                queries,
                shared.referenceData(),
                shared.json(),
                shared.clock(),
                shared.zone(),
                config.getIntake().publicTrackingUrl);
        CourierService couriers =
                new CourierService(shared.jdbi(), queries, shared.referenceData(), shared.clock(), shared.zone());
        environment.jersey().register(new PickupResource(pickups));
        environment.jersey().register(new CollectionResource(pickups));
        environment.jersey().register(new DeliveryResource(deliveries, queries, attempts, pickups));
        environment.jersey().register(new CourierResource(couriers));
        environment.jersey().register(new CouriersResource(couriers));
        return new ReturnLegServices(pickups, deliveries, queries, attempts, couriers);
    }
}
