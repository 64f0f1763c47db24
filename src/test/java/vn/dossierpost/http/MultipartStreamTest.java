package vn.dossierpost.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.dossierpost.service.Problem;

class MultipartStreamTest {
    static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

    /** Hands out the bytes in random small pieces, so parts and delimiters straddle every read. */
    static InputStream trickle(byte[] bytes, long seed, int maxChunk) {
        Random random = new Random(seed);
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(maxChunk)));
            }
        };
    }

    static byte[] body(String preamble, List<byte[]> contents, String epilogue) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(preamble.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < contents.size(); i++) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"" + i
                            + ".bin\"\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(contents.get(i));
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + BOUNDARY + "--" + epilogue).getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static List<byte[]> parse(InputStream in, int bufferSize) throws IOException {
        MultipartStream stream =
                new MultipartStream(in, BOUNDARY.getBytes(StandardCharsets.US_ASCII), bufferSize, 1024);
        List<byte[]> parts = new ArrayList<>();
        String headers;
        while ((headers = stream.nextPart()) != null) {
            assertThat(headers).startsWith("Content-Disposition: form-data");
            parts.add(stream.partContent().readAllBytes());
        }
        return parts;
    }

    /** Content full of near-misses: CRLF, dashes and the start of the boundary. */
    static byte[] tricky(Random random, int size) {
        String near = BOUNDARY.substring(0, BOUNDARY.length() - 1) + "X"; // the boundary but for its last character
        String[] pieces = {
            "\r\n", "\r\n--", "\r\n--" + BOUNDARY.substring(0, 10), "--" + near, "\r\n--" + near, "\r", "-", "x"
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < size) {
            if (random.nextBoolean()) {
                out.writeBytes(pieces[random.nextInt(pieces.length)].getBytes(StandardCharsets.US_ASCII));
            } else {
                byte[] noise = new byte[random.nextInt(50)];
                random.nextBytes(noise);
                out.writeBytes(noise);
            }
        }
        return out.toByteArray();
    }

    @Test
    void splitsPartsExactlyHoweverTheBytesArrive() throws IOException {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            List<byte[]> contents = new ArrayList<>();
            int parts = random.nextInt(4);
            for (int p = 0; p < parts; p++) {
                contents.add(tricky(random, random.nextInt(3000)));
            }
            contents.add(new byte[0]);
            String preamble = random.nextBoolean() ? "" : "this is the preamble\r\n";
            byte[] body = body(preamble, contents, random.nextBoolean() ? "" : "\r\n");
            int bufferSize = 64 + random.nextInt(4096);
            List<byte[]> parsed = parse(trickle(body, round, 1 + random.nextInt(200)), bufferSize);
            assertThat(parsed).as("round %d", round).hasSize(contents.size());
            for (int p = 0; p < contents.size(); p++) {
                assertThat(parsed.get(p)).as("round %d part %d", round, p).isEqualTo(contents.get(p));
            }
        }
    }

    @Test
    void largeRandomPartsComeThroughByteForByte() throws IOException {
        byte[] big = new byte[5_000_000];
        new Random(3).nextBytes(big);
        List<byte[]> parsed = parse(trickle(body("", List.of(big, big), "\r\n"), 1, 100_000), 256 * 1024);
        assertThat(parsed).hasSize(2);
        assertThat(parsed.get(0)).isEqualTo(big);
        assertThat(parsed.get(1)).isEqualTo(big);
    }

    @Test
    void anUnreadPartIsSkipped() throws IOException {
        byte[] body = body("", List.of("first".getBytes(), "second".getBytes()), "");
        MultipartStream stream = new MultipartStream(
                new ByteArrayInputStream(body), BOUNDARY.getBytes(StandardCharsets.US_ASCII), 256, 1024);
        assertThat(stream.nextPart()).isNotNull();
        assertThat(stream.nextPart()).isNotNull();
        assertThat(stream.partContent().readAllBytes()).isEqualTo("second".getBytes());
        assertThat(stream.nextPart()).isNull();
    }

    @Test
    void aBodyCutShortOrWithHugeHeadersIsMalformed() {
        byte[] body = body("", List.of(new byte[10_000]), "");
        byte[] cut = java.util.Arrays.copyOf(body, 5_000);
        assertThatThrownBy(() -> parse(new ByteArrayInputStream(cut), 1024))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("ended before the closing boundary");
        byte[] headers = ("--" + BOUNDARY + "\r\nX-Long: " + "a".repeat(5000) + "\r\n\r\nx\r\n--" + BOUNDARY + "--")
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> parse(new ByteArrayInputStream(headers), 4096))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("headers are longer than 1024 bytes");
        assertThatThrownBy(() -> parse(new ByteArrayInputStream("no multipart here".getBytes()), 4096))
                .isInstanceOf(Problem.class);
    }
}
