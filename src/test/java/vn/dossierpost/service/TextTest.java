package vn.dossierpost.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void vietnameseIsFoundWithOrWithoutDiacritics() {
        assertThat(Text.plain("  Cấp Phiếu LÝ LỊCH   tư pháp ")).isEqualTo("cap phieu ly lich tu phap");
        assertThat(Text.plain("Đăng ký đất đai")).isEqualTo("dang ky dat dai");
        assertThat(Text.matches("Cấp Phiếu lý lịch tư pháp số 1", "ly lich tu phap"))
                .isTrue();
        assertThat(Text.matches("Cấp Phiếu lý lịch tư pháp số 1", "lý lịch")).isTrue();
        assertThat(Text.matches("Phường Hoàn Kiếm", "kiem hoan")).isTrue();
        assertThat(Text.matches("Phường Hoàn Kiếm", "hoan kiem ba dinh")).isFalse();
        assertThat(Text.matches("2.000488 Cấp Phiếu", "2.000488")).isTrue();
        assertThat(Text.matches("anything", "  ")).isTrue();
        // a composed and a decomposed "ế" are the same letter
        assertThat(Text.matches("Hoàn Kiê\u0301m", "Hoàn Kiếm")).isTrue();
    }
}
