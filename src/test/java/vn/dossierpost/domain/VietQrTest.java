package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VietQrTest {

    @Test
    void crcIsCcittFalseOnTheStandardCheckString() {
        assertThat(VietQr.crc16("123456789")).isEqualTo(0x29B1);
    }

    /** Published with github.com/subiz/vietqr: 120,000 VND to account 0011001932418 at BIN 970415. */
    @Test
    void buildsThePublishedTransferExampleFieldForField() {
        String published = "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA"
                + "530370454061200005802VN62170813ung ho lu lut6304C15C";

        assertThat(VietQr.payload("970415", "0011001932418", 120_000, "ung ho lu lut"))
                .isEqualTo(published);
        assertThat(String.format("%04X", VietQr.crc16(published.substring(0, published.length() - 4))))
                .isEqualTo("C15C");
    }

    /** Published with the vietqr-parser Go package (a static code, no amount): only its CRC is checked. */
    @Test
    void crcMatchesASecondPublishedPayload() {
        String published =
                "00020001021238570010A00000072701270006970436011308810004580860208QRIBFTTA53037045802VN6304CD60";
        assertThat(String.format("%04X", VietQr.crc16(published.substring(0, published.length() - 4))))
                .isEqualTo("CD60");
    }

    @Test
    void aDossierPaymentCarriesTheAmountAndTheCodeAsPurpose() {
        String payload = VietQr.payload("970415", "113366668888", 228_000, "000.00.15.H26-261202-0001");

        assertThat(payload)
                .startsWith("000201010212")
                .contains("0010A000000727", "0006970415", "0112113366668888", "0208QRIBFTTA")
                .contains("5303704", "5406228000", "5802VN", "62290825000.00.15.H26-261202-0001");
        String body = payload.substring(0, payload.length() - 4);
        assertThat(body).endsWith("6304");
        assertThat(payload.substring(payload.length() - 4)).isEqualTo(String.format("%04X", VietQr.crc16(body)));
    }

    @Test
    void refusesWhatNoBankingAppCouldRead() {
        assertThatThrownBy(() -> VietQr.payload("97041", "1", 1, "x")).hasMessageContaining("BIN");
        assertThatThrownBy(() -> VietQr.payload("970415", "12345678901234567890", 1, "x"))
                .hasMessageContaining("account");
        assertThatThrownBy(() -> VietQr.payload("970415", "1", 0, "x")).hasMessageContaining("amount");
        assertThatThrownBy(() -> VietQr.payload("970415", "1", 1, "Hồ sơ")).hasMessageContaining("purpose");
        assertThatThrownBy(() -> VietQr.payload("970415", "1", 1, "x".repeat(26)))
                .hasMessageContaining("purpose");
    }

    @Test
    void cashIsPaidAtIntakeOtherMethodsWait() {
        assertThat(PaymentState.atIntake(PaymentMethod.CASH)).isEqualTo(PaymentState.PAID);
        assertThat(PaymentState.atIntake(PaymentMethod.VIETQR)).isEqualTo(PaymentState.PENDING);
        assertThat(PaymentState.atIntake(PaymentMethod.CARD)).isEqualTo(PaymentState.PENDING);
    }
}
