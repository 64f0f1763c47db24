package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PassportNumberTest {

    @Test
    void keepsLettersAndDigitsUpperCase() {
        assertThat(PassportNumber.parse("c1234567").value()).isEqualTo("C1234567");
        assertThat(PassportNumber.parse(" 5XK 12-345 ").value()).isEqualTo("5XK12345");
        assertThat(PassportNumber.parse("123456").value()).isEqualTo("123456");
        assertThat(PassportNumber.parse("AB1234567").value()).isEqualTo("AB1234567");
    }

    @Test
    void refusesWrongLengthsLettersOnlyAndOtherCharacters() {
        assertThatThrownBy(() -> PassportNumber.parse("C1234"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("6 to 9");
        assertThatThrownBy(() -> PassportNumber.parse("AB12345678")).hasMessageContaining("6 to 9");
        assertThatThrownBy(() -> PassportNumber.parse("ABCDEFG")).hasMessageContaining("digits");
        assertThatThrownBy(() -> PassportNumber.parse("C12345É7")).hasMessageContaining("letters A-Z");
        assertThatThrownBy(() -> PassportNumber.parse(null)).hasMessageContaining("passport number");
    }

    @Test
    void eachIdTypeParsesItsOwnNumbers() {
        assertThat(IdType.CCCD.parse("079 205 012345", 2026)).isEqualTo("079205012345");
        assertThat(IdType.PASSPORT.parse("c1234567", 2026)).isEqualTo("C1234567");
        assertThat(IdType.TAX_CODE.parse("0100109106", 2026)).isEqualTo("0100109106");
        assertThatThrownBy(() -> IdType.CCCD.parse("C1234567", 2026)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> IdType.TAX_CODE.parse("079205012345", 2026)).isInstanceOf(InvalidValueException.class);
        assertThat(IdType.TAX_CODE.person()).isFalse();
        assertThat(IdType.PASSPORT.person()).isTrue();
    }
}
