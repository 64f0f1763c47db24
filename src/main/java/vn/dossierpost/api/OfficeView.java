package vn.dossierpost.api;

/** A post office as the catalogue lists it. */
public record OfficeView(
        String code, String name, String provinceCode, String communeCode, String address, String phone) {}
