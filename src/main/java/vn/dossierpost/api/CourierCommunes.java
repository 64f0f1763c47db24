package vn.dossierpost.api;

import java.util.List;

/** {@code PUT /api/couriers/{username}/communes}: the communes whose deliveries go to this courier. */
public record CourierCommunes(List<String> communes) {}
