package vn.dossierpost.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Postage per route class and leg, in VND. Loaded from data: the maximum prices are set by the
 * ministry (Circular 22/2017/TT-BTTTT) and change, so no amount is written in code.
 */
public final class Tariff {

    private final Map<RouteClass, Map<Leg, Long>> rates = new EnumMap<>(RouteClass.class);

    public Tariff(Collection<TariffRate> rates) {
        for (TariffRate r : rates) {
            Long previous = this.rates
                    .computeIfAbsent(r.routeClass(), k -> new EnumMap<>(Leg.class))
                    .put(r.leg(), r.amount());
            if (previous != null) {
                throw new InvalidValueException("postage for " + r.routeClass() + " " + r.leg() + " is given twice");
            }
        }
    }

    public static Tariff of(Map<RouteClass, Map<Leg, Long>> amounts) {
        List<TariffRate> list = new ArrayList<>();
        amounts.forEach(
                (routeClass, legs) -> legs.forEach((leg, amount) -> list.add(new TariffRate(routeClass, leg, amount))));
        return new Tariff(list);
    }

    /** @throws IllegalStateException when the tariff data has no rate for that class and leg */
    public long postage(RouteClass routeClass, Leg leg) {
        Map<Leg, Long> legs = rates.get(routeClass);
        Long amount = legs == null ? null : legs.get(leg);
        if (amount == null) {
            throw new IllegalStateException("the tariff has no postage for " + routeClass + " " + leg);
        }
        return amount;
    }

    public List<TariffRate> rates() {
        List<TariffRate> list = new ArrayList<>();
        rates.forEach(
                (routeClass, legs) -> legs.forEach((leg, amount) -> list.add(new TariffRate(routeClass, leg, amount))));
        return List.copyOf(list);
    }
}
