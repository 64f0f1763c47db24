package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @Test
    void acceptsNationalForm() {
        PhoneNumber phone = PhoneNumber.parse("0912345678");

        assertThat(phone.value()).isEqualTo("0912345678");
        assertThat(phone.international()).isEqualTo("+84912345678");
    }

    @Test
    void normalisesInternationalFormAndSeparators() {
        assertThat(PhoneNumber.parse("+84912345678").value()).isEqualTo("0912345678");
        assertThat(PhoneNumber.parse("+84 91 234 5678").value()).isEqualTo("0912345678");
        assertThat(PhoneNumber.parse("091.234.5678").value()).isEqualTo("0912345678");
        assertThat(PhoneNumber.parse("0386-123-456").value()).isEqualTo("0386123456");
    }

    @Test
    void rejectsLandlinesAndWrongLengths() {
        assertThatThrownBy(() -> PhoneNumber.parse("0212345678"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("3, 5, 7, 8 or 9");
        assertThatThrownBy(() -> PhoneNumber.parse("09123456789")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> PhoneNumber.parse("091234567")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> PhoneNumber.parse("+849123456789")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> PhoneNumber.parse("84912345678")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> PhoneNumber.parse("+84212345678")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> PhoneNumber.parse(null)).isInstanceOf(InvalidValueException.class);
    }
}
