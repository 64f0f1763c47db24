package vn.dossierpost.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlipTextTest {

    @Test
    void formatsDongWithDotsAsThousandsSeparators() {
        assertThat(SlipText.vnd(1_234_000)).isEqualTo("1.234.000 đ");
        assertThat(SlipText.vnd(24_000)).isEqualTo("24.000 đ");
        assertThat(SlipText.vnd(500)).isEqualTo("500 đ");
        assertThat(SlipText.vnd(0)).isEqualTo("0 đ");
    }

    @Test
    void printsAcceptanceTimeInVietnamTimeWhateverTheOffset() {
        OffsetDateTime utc = OffsetDateTime.of(2026, 12, 2, 2, 15, 0, 0, ZoneOffset.UTC);
        assertThat(SlipText.dateTime(utc)).isEqualTo("09:15, 02/12/2026");
    }

    @Test
    void namesServiceFormsAndKeepsUnknownOnesAsGiven() {
        assertThat(SlipText.serviceForm("SEND_AND_RETURN")[0]).isEqualTo("Gửi hồ sơ và nhận kết quả");
        assertThat(SlipText.deliveryMethod("PICKUP_AT_OFFICE")[0]).isEqualTo("Nhận tại bưu cục");
        assertThat(SlipText.serviceForm("SOMETHING_NEW")[0]).isEqualTo("SOMETHING_NEW");
    }

    @Test
    void countsWithDotsAndSizesInMegabytesWithADecimalComma() {
        assertThat(SlipText.count(1_500)).isEqualTo("1.500");
        assertThat(SlipText.megabytes(1_572_864)).isEqualTo("1,50 MB");
        assertThat(SlipText.megabytes(400_000_000)).isEqualTo("381,47 MB");
        assertThat(SlipText.megabytes(5_000L * 1024 * 1024)).isEqualTo("5.000,00 MB");
        assertThat(SlipText.megabytes(0)).isEqualTo("0,00 MB");
    }

    @Test
    void namesHandoverChannelsAndStatesAndKeepsUnknownOnesAsGiven() {
        assertThat(SlipText.channel("FILE_DROP")).isEqualTo("Điện tử, qua thư mục trao đổi tệp");
        assertThat(SlipText.channel("CARRIER_PIGEON")).isEqualTo("CARRIER_PIGEON");
        assertThat(SlipText.handoverState("FAILED")).isEqualTo("Gửi không thành công");
        assertThat(SlipText.handoverState("ARCHIVED")).isEqualTo("ARCHIVED");
    }
}
