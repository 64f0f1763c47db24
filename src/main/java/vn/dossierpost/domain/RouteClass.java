package vn.dossierpost.domain;

/**
 * The route classes of Circular 17/2017/TT-BTTTT Art. 7, which set the transit target of a leg and
 * its postage. The days and prices per class are data (transit times, tariff), not kept here.
 * Since 2025 there is no district level: the old "within one district" class is within one commune.
 */
public enum RouteClass {
    WITHIN_COMMUNE("Nội xã", "Within one commune"),
    WITHIN_PROVINCE("Nội tỉnh", "Within one province"),
    INTER_PROVINCE_MAJOR_CITY(
            "Liên tỉnh, đến hoặc đi thành phố loại đặc biệt, loại I", "Between provinces, to or from a major city"),
    INTER_PROVINCE("Liên tỉnh", "Between provinces");

    private final String labelVi;
    private final String labelEn;

    RouteClass(String labelVi, String labelEn) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    public static RouteClass between(Place from, Place to) {
        if (from.provinceCode().equals(to.provinceCode())) {
            return from.communeCode().equals(to.communeCode()) ? WITHIN_COMMUNE : WITHIN_PROVINCE;
        }
        return from.majorCity() || to.majorCity() ? INTER_PROVINCE_MAJOR_CITY : INTER_PROVINCE;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }
}
