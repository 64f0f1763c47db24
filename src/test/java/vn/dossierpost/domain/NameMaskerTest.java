package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class NameMaskerTest {

    @Test
    void keepsTheFirstLetterOfEachWord() {
        assertThat(NameMasker.mask("Nguyễn Văn An")).isEqualTo("N***** V** A*");
    }

    @Test
    void keepsDiacriticsOfTheFirstLetter() {
        assertThat(NameMasker.mask("Đặng Thị Ánh")).isEqualTo("Đ*** T** Á**");
    }

    @Test
    void decomposedInputGivesTheSameComposedResult() {
        // "Lê Thị Ánh" typed with combining marks: e + U+0302, i + U+0323, A + U+0301
        String nfd = "Le\u0302 Thi\u0323 A\u0301nh";
        String masked = NameMasker.mask(nfd);

        assertThat(masked).isEqualTo("L* T** \u00C1**");
        assertThat(Normalizer.isNormalized(masked, Normalizer.Form.NFC)).isTrue();
        assertThat(NameMasker.mask(Normalizer.normalize("Nguyễn Văn An", Normalizer.Form.NFD)))
                .isEqualTo("N***** V** A*");
    }

    @Test
    void aOneLetterWordStaysAsItIs() {
        assertThat(NameMasker.mask("Lò Văn A")).isEqualTo("L* V** A");
    }

    @Test
    void collapsesWhitespace() {
        assertThat(NameMasker.mask("  Trần\t Thị \u00A0 B ")).isEqualTo("T*** T** B");
    }

    @Test
    void nullOrBlankGivesEmpty() {
        assertThat(NameMasker.mask(null)).isEmpty();
        assertThat(NameMasker.mask("   ")).isEmpty();
    }
}
