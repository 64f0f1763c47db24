package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouteClassTest {

    private static final Place HANOI_A = new Place("01", "00004", true);
    private static final Place HANOI_B = new Place("01", "00008", true);
    private static final Place LAO_CAI = new Place("15", "02641", false);
    private static final Place TUYEN_QUANG = new Place("08", "02269", false);

    @Test
    void sameCommune() {
        assertThat(RouteClass.between(HANOI_A, new Place("01", "00004", true))).isEqualTo(RouteClass.WITHIN_COMMUNE);
    }

    @Test
    void sameProvince() {
        assertThat(RouteClass.between(HANOI_A, HANOI_B)).isEqualTo(RouteClass.WITHIN_PROVINCE);
    }

    @Test
    void betweenProvincesWithAMajorCityAtEitherEnd() {
        assertThat(RouteClass.between(HANOI_A, LAO_CAI)).isEqualTo(RouteClass.INTER_PROVINCE_MAJOR_CITY);
        assertThat(RouteClass.between(LAO_CAI, HANOI_A)).isEqualTo(RouteClass.INTER_PROVINCE_MAJOR_CITY);
    }

    @Test
    void betweenOtherProvinces() {
        assertThat(RouteClass.between(LAO_CAI, TUYEN_QUANG)).isEqualTo(RouteClass.INTER_PROVINCE);
    }

    @Test
    void placeNeedsProvinceAndCommune() {
        assertThatThrownBy(() -> new Place(" ", "00004", false)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Place("01", null, false)).isInstanceOf(InvalidValueException.class);
    }
}
