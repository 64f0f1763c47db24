package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class S10NumberTest {

    @Test
    void checkDigitOfTheUpuExample() {
        assertThat(S10Number.checkDigit("47312482")).isEqualTo(9);
    }

    @Test
    void checkDigitTenIsWrittenZero() {
        // 1×8 + 1×9 + 4×7 = 45, 45 mod 11 = 1, C = 10
        assertThat(S10Number.checkDigit("10000014")).isZero();
    }

    @Test
    void checkDigitElevenIsWrittenFive() {
        // 1×8 + 2×7 = 22, 22 mod 11 = 0, C = 11
        assertThat(S10Number.checkDigit("10000002")).isEqualTo(5);
        assertThat(S10Number.checkDigit("00000000")).isEqualTo(5);
    }

    @Test
    void checkDigitRejectsAnythingButEightDigits() {
        assertThatThrownBy(() -> S10Number.checkDigit("4731248")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> S10Number.checkDigit("4731248A")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void ofBuildsTheFullNumberForVietNam() {
        S10Number n = S10Number.of("EE", 47_312_482L);

        assertThat(n.value()).isEqualTo("EE473124829VN");
        assertThat(n).hasToString("EE473124829VN");
        assertThat(n.serviceIndicator()).isEqualTo("EE");
        assertThat(n.serial()).isEqualTo(47_312_482L);
        assertThat(n.checkDigit()).isEqualTo(9);
        assertThat(n.countryCode()).isEqualTo("VN");
    }

    @Test
    void ofPadsSmallSerialsAndAppliesSpecialCheckDigits() {
        assertThat(S10Number.of("RR", 8).value()).isEqualTo("RR000000080VN");
        assertThat(S10Number.of("CP", 10_000_002L).value()).isEqualTo("CP100000025VN");
        assertThat(S10Number.of("EE", 47_312_482L, "FR").value()).isEqualTo("EE473124829FR");
    }

    @Test
    void ofRejectsSerialOutOfRangeAndBadIndicator() {
        assertThatThrownBy(() -> S10Number.of("EE", -1))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("between 0 and 99999999");
        assertThatThrownBy(() -> S10Number.of("EE", 100_000_000L)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> S10Number.of("ee", 1))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("2 uppercase letters");
        assertThatThrownBy(() -> S10Number.of("E", 1)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> S10Number.of("E1", 1)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void parseTrimsAndUppercases() {
        assertThat(S10Number.parse("  ee473124829vn ")).isEqualTo(new S10Number("EE473124829VN"));
    }

    @Test
    void parseRejectsWrongCheckDigit() {
        assertThatThrownBy(() -> S10Number.parse("EE473124828VN"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("check digit is 8")
                .hasMessageContaining("requires 9");
    }

    @Test
    void parseRejectsWrongLength() {
        assertThatThrownBy(() -> S10Number.parse("EE47312482VN"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("13 characters");
        assertThatThrownBy(() -> S10Number.parse("EE4731248299VN"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("13 characters");
        assertThatThrownBy(() -> S10Number.parse("")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> S10Number.parse(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void parseRejectsDigitsWhereLettersBelongAndLettersWhereDigitsBelong() {
        assertThatThrownBy(() -> S10Number.parse("E1473124829VN"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("service indicator");
        assertThatThrownBy(() -> S10Number.parse("EE47312A829VN"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("must be digits");
        assertThatThrownBy(() -> S10Number.parse("EE4731248291N"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("country code");
    }

    @Test
    void parseRequiresVietNamUnlessAnotherCountryIsAsked() {
        assertThatThrownBy(() -> S10Number.parse("EE473124829FR"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("country code must be VN, was FR");
        assertThat(S10Number.parse("EE473124829FR", "FR").countryCode()).isEqualTo("FR");
    }

    @Test
    void constructorValidatesToo() {
        assertThatThrownBy(() -> new S10Number("EE473124820VN")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new S10Number("ee473124829vn")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void isValid() {
        assertThat(S10Number.isValid("EE473124829VN")).isTrue();
        assertThat(S10Number.isValid("EE473124820VN")).isFalse();
        assertThat(S10Number.isValid("000.00.15.H29-261122-0001")).isFalse();
        assertThat(S10Number.isValid(null)).isFalse();
    }
}
