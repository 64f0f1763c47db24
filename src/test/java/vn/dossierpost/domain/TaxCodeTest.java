package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaxCodeTest {

    @Test
    void acceptsCodesWhoseCheckDigitIsRight() {
        // 0*31+1*29+0+0+1*17+0+9*7+1*5+0 = 114; 114 mod 11 = 4; 10 - 4 = 6
        assertThat(TaxCode.parse("0100109106").value()).isEqualTo("0100109106");
        // 0+3*29+1*23+4*19+4*17+0+9*7+0+5*3 = 332; 332 mod 11 = 2; 10 - 2 = 8
        assertThat(TaxCode.parse("0314409058").branch()).isFalse();
    }

    @Test
    void readsABranchWithOrWithoutTheHyphen() {
        assertThat(TaxCode.parse("0314409058-002").value()).isEqualTo("0314409058-002");
        assertThat(TaxCode.parse("0314409058002").value()).isEqualTo("0314409058-002");
        assertThat(TaxCode.parse(" 0314 409 058 ").branch()).isFalse();
        assertThat(TaxCode.parse("0314409058-002").branch()).isTrue();
    }

    @Test
    void refusesAWrongCheckDigit() {
        assertThatThrownBy(() -> TaxCode.parse("0100109107"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("check digit");
        assertThatThrownBy(() -> TaxCode.parse("0314409085-002")).hasMessageContaining("check digit");
    }

    @Test
    void refusesNinePrefixesThatAllowNoCheckDigit() {
        // weighted sum of 010000005 is 29 + 15 = 44 = 4 * 11: 10 - 0 is no digit
        assertThat(TaxCode.checkDigit("010000005")).isEqualTo(-1);
        for (int d = 0; d <= 9; d++) {
            String code = "010000005" + d;
            assertThatThrownBy(() -> TaxCode.parse(code)).hasMessageContaining("check digit");
        }
    }

    @Test
    void refusesOtherShapes() {
        assertThatThrownBy(() -> TaxCode.parse("010010910")).hasMessageContaining("10 digits");
        assertThatThrownBy(() -> TaxCode.parse("0100109106-01")).hasMessageContaining("10 digits");
        assertThatThrownBy(() -> TaxCode.parse("01001O9106")).hasMessageContaining("10 digits");
        assertThatThrownBy(() -> TaxCode.parse(null)).hasMessageContaining("10 digits");
        assertThatThrownBy(() -> TaxCode.parse("0314409058-000")).hasMessageContaining("001 to 999");
        assertThatThrownBy(() -> TaxCode.parse("0000000000")).hasMessageContaining("province");
    }
}
