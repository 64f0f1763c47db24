package vn.dossierpost.domain;

/** The postage in VND for one leg on one route class: one row of the tariff data. */
public record TariffRate(RouteClass routeClass, Leg leg, long amount) {

    public TariffRate {
        if (routeClass == null) {
            throw new InvalidValueException("route class is required");
        }
        if (leg == null) {
            throw new InvalidValueException("leg is required: OUTBOUND or RETURN");
        }
        if (amount < 0) {
            throw new InvalidValueException("amount must be 0 or more VND");
        }
    }
}
