package vn.dossierpost.domain;

/**
 * One end of a postal route, in the administrative units since 1 July 2025 (province, commune).
 * {@code majorCity} tells whether the province is a special-class or class-I centrally-run city,
 * which shortens inter-province transit targets.
 */
public record Place(String provinceCode, String communeCode, boolean majorCity) {

    public Place {
        if (provinceCode == null || provinceCode.isBlank()) {
            throw new InvalidValueException("province code is required");
        }
        if (communeCode == null || communeCode.isBlank()) {
            throw new InvalidValueException("commune code is required");
        }
    }
}
