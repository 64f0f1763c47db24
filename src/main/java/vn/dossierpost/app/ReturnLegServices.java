package vn.dossierpost.app;

import vn.dossierpost.service.returnleg.CourierService;
import vn.dossierpost.service.returnleg.DeliveryAttempts;
import vn.dossierpost.service.returnleg.DeliveryQueries;
import vn.dossierpost.service.returnleg.DeliveryService;
import vn.dossierpost.service.returnleg.PickupService;

/** The return leg's services, built once by {@link ReturnLegModule} and shared by the JSON API and the counter pages. */
public record ReturnLegServices(
        PickupService pickups,
        DeliveryService deliveries,
        DeliveryQueries queries,
        DeliveryAttempts attempts,
        CourierService couriers) {}
