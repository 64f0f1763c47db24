package vn.dossierpost.api;

import vn.dossierpost.domain.Channel;

/**
 * An agency as the catalogue lists it for every member of staff: where it is and whether it takes
 * dossiers; its channel's settings are for administrators ({@link AgencyView}).
 */
public record AgencySummary(
        String code,
        String name,
        String provinceCode,
        String communeCode,
        String address,
        String phone,
        String email,
        Channel channel,
        boolean active) {}
