package vn.dossierpost.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScanTypeTest {

    private static ScanType detect(byte... head) {
        byte[] padded = Arrays.copyOf(head, Math.max(head.length, ScanType.MAGIC_LENGTH));
        return ScanType.detect(padded, head.length).orElse(null);
    }

    @Test
    void recognisesEachTypeByItsFirstBytes() {
        assertThat(detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ScanType.PDF);
        assertThat(detect((byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0)).isEqualTo(ScanType.JPEG);
        assertThat(detect((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G', (byte) 0x0D, (byte) 0x0A, (byte) 0x1A, (byte)
                        0x0A))
                .isEqualTo(ScanType.PNG);
        assertThat(detect((byte) 'I', (byte) 'I', (byte) '*', (byte) 0)).isEqualTo(ScanType.TIFF_LITTLE_ENDIAN);
        assertThat(detect((byte) 'M', (byte) 'M', (byte) 0, (byte) '*')).isEqualTo(ScanType.TIFF_BIG_ENDIAN);
        assertThat(ScanType.TIFF_BIG_ENDIAN.mediaType()).isEqualTo("image/tiff");
    }

    @Test
    void refusesLookalikesAndShortFiles() {
        assertThat(detect("%PDF".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(detect(" %PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(detect("hello.pdf".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(detect((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G', (byte) 0x0D, (byte) 0x0A, (byte) 0x1A))
                .isNull();
        assertThat(detect((byte) 'I', (byte) 'I', (byte) 0, (byte) '*')).isNull();
        assertThat(detect((byte) 0xFF, (byte) 0xD8)).isNull();
        assertThat(detect()).isNull();
    }
}
