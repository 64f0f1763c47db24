package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DossierCodeTest {

    private static final LocalDate NOV_22_2026 = LocalDate.of(2026, 11, 22);

    @Test
    void formatsAgencyDateAndFourDigitSequence() {
        DossierCode code = new DossierCode("000.00.15.H29", NOV_22_2026, 1);

        assertThat(code.value()).isEqualTo("000.00.15.H29-261122-0001");
        assertThat(code).hasToString("000.00.15.H29-261122-0001");
        assertThat(new DossierCode("000.00.00.G12", LocalDate.of(2027, 1, 5), 9999).value())
                .isEqualTo("000.00.00.G12-270105-9999");
    }

    @Test
    void parseRoundTrips() {
        DossierCode parsed = DossierCode.parse("000.00.15.H29-261122-0042");

        assertThat(parsed.agencyId()).isEqualTo("000.00.15.H29");
        assertThat(parsed.receiptDate()).isEqualTo(NOV_22_2026);
        assertThat(parsed.sequence()).isEqualTo(42);
        assertThat(parsed.value()).isEqualTo("000.00.15.H29-261122-0042");
        assertThat(DossierCode.parse(" 000.00.15.h29-261122-0042 ")).isEqualTo(parsed);
    }

    @Test
    void sequenceWidensPastNineThousandNineHundredNinetyNine() {
        DossierCode code = new DossierCode("000.00.15.H29", NOV_22_2026, 10_000);

        assertThat(code.value()).isEqualTo("000.00.15.H29-261122-10000");
        assertThat(DossierCode.parse("000.00.15.H29-261122-10000")).isEqualTo(code);
        assertThat(DossierCode.parse("000.00.15.H29-261122-123456").sequence()).isEqualTo(123_456);
    }

    @Test
    void parseRejectsMalformedCodes() {
        assertThatThrownBy(() -> DossierCode.parse("000.00.15.H29-261122-001"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("<agency id>-YYMMDD-XXXX");
        assertThatThrownBy(() -> DossierCode.parse("000.00.15.H29-261122-00012"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("leading zero");
        assertThatThrownBy(() -> DossierCode.parse("000.00.15.H29-261322-0001"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("YYMMDD 261322 is not a date");
        assertThatThrownBy(() -> DossierCode.parse("000.00.15.H29-260230-0001"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("YYMMDD 260230 is not a date");
        assertThatThrownBy(() -> DossierCode.parse("00.00.15.H29-261122-0001"))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> DossierCode.parse("000.00.15.H29-261122-0000"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("sequence");
        assertThatThrownBy(() -> DossierCode.parse(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void constructorRejectsBadParts() {
        assertThatThrownBy(() -> new DossierCode("000.00.15.h29", NOV_22_2026, 1))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("NNN.NN.NN.XNN");
        assertThatThrownBy(() -> new DossierCode("000.00.15.H29", NOV_22_2026, 0))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new DossierCode("000.00.15.H29", LocalDate.of(2100, 1, 1), 1))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new DossierCode("000.00.15.H29", null, 1)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void looksLikeTellsDossierCodesFromS10Numbers() {
        assertThat(DossierCode.looksLike("000.00.15.H29-261122-0001")).isTrue();
        assertThat(DossierCode.looksLike("000.00.15.H29-261122-10000")).isTrue();
        assertThat(DossierCode.looksLike("EE473124829VN")).isFalse();
        assertThat(DossierCode.looksLike("000.00.15.H29")).isFalse();
        assertThat(DossierCode.looksLike(null)).isFalse();
    }

    @Test
    void agencyIdentifierFormat() {
        assertThat(AgencyIdentifier.isValid("000.00.15.H29")).isTrue();
        assertThat(AgencyIdentifier.isValid("000.00.00.G12")).isTrue();
        assertThat(AgencyIdentifier.isValid("000.00.15.h29")).isFalse();
        assertThat(AgencyIdentifier.isValid("000.00.15.H2")).isFalse();
        assertThat(AgencyIdentifier.isValid("000.00.15.HH9")).isFalse();
        assertThat(AgencyIdentifier.isValid("000-00-15-H29")).isFalse();
        assertThat(AgencyIdentifier.isValid(" 000.00.15.H29")).isFalse();
        assertThat(AgencyIdentifier.isValid(null)).isFalse();
        assertThat(AgencyIdentifier.requireValid("000.00.15.H29")).isEqualTo("000.00.15.H29");
        assertThatThrownBy(() -> AgencyIdentifier.requireValid("H29"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("e.g. 000.00.15.H29");
    }
}
