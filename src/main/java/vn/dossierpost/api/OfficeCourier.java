package vn.dossierpost.api;

import java.util.List;

/** A courier of an office and the communes whose deliveries go to them. */
public record OfficeCourier(String username, String fullName, List<Commune> communes) {

    public record Commune(String code, String name) {}
}
