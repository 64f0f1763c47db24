package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CitizenIdTest {

    @Test
    void readsTheParts() {
        CitizenId id = CitizenId.parse("079205012345", 2026);

        assertThat(id.value()).isEqualTo("079205012345");
        assertThat(id.provinceCode()).isEqualTo("079");
        assertThat(id.birthYear()).isEqualTo(2005);
        assertThat(id.female()).isFalse();
        assertThat(id.lastFour()).isEqualTo("2345");
    }

    @Test
    void stripsSpacesAndReadsTwentiethCenturyWomen() {
        CitizenId id = CitizenId.parse(" 001 1 85 000 123 ", 2026);

        assertThat(id.value()).isEqualTo("001185000123");
        assertThat(id.birthYear()).isEqualTo(1985);
        assertThat(id.female()).isTrue();
    }

    @Test
    void birthYearThisYearIsAccepted() {
        assertThat(CitizenId.parse("096326999999", 2026).birthYear()).isEqualTo(2026);
    }

    @Test
    void rejectsUnknownProvinceCode() {
        assertThatThrownBy(() -> CitizenId.parse("003205012345", 2026))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("first 3 digits 003 are not a province code");
        assertThatThrownBy(() -> CitizenId.parse("097205012345", 2026)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void rejectsCenturyDigitAboveFive() {
        assertThatThrownBy(() -> CitizenId.parse("079605012345", 2026))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("4th digit (century and sex) is 6 but must be 0 to 5");
    }

    @Test
    void rejectsBirthYearInTheFuture() {
        assertThatThrownBy(() -> CitizenId.parse("079230012345", 2026))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("birth year 2030")
                .hasMessageContaining("after 2026");
        assertThatThrownBy(() -> CitizenId.parse("079400012345", 2026))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("birth year 2100");
    }

    @Test
    void rejectsWrongLengthAndLetters() {
        String expected = "must be 12 digits: 3-digit province code, century/sex digit, 2-digit birth year, 6 digits";
        assertThatThrownBy(() -> CitizenId.parse("07920501234", 2026)).hasMessage(expected);
        assertThatThrownBy(() -> CitizenId.parse("0792050123456", 2026)).hasMessage(expected);
        assertThatThrownBy(() -> CitizenId.parse("07920501234A", 2026)).hasMessage(expected);
        assertThatThrownBy(() -> CitizenId.parse(null, 2026)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void toStringDoesNotRevealTheNumber() {
        assertThat(CitizenId.parse("079205012345", 2026)).hasToString("********2345");
    }
}
