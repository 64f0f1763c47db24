package vn.dossierpost.service.counter;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * What a PDF's object streams and cross-reference streams decode to, counted before PDFBox opens
 * the file: PDFBox decodes those in memory whatever its scratch setting, so a few hundred kilobytes
 * of compressed blanks would become gigabytes on the heap. Image streams are not counted: opening a
 * PDF to count its pages does not decode them. Linear in the file's size; stops at the limit.
 */
final class PdfObjectStreams {
    private static final byte[][] KINDS = {ascii("/ObjStm"), ascii("/XRef")};
    private static final byte[] STREAM = ascii("stream");

    private PdfObjectStreams() {}

    /** True when the object and cross-reference streams decode to more than {@code limit} bytes in all. */
    static boolean decodeToMoreThan(Path file, long limit) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer pdf = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            long total = 0;
            for (int at = 0; at < pdf.limit(); ) {
                int kind = nextKind(pdf, at);
                if (kind < 0) {
                    return false;
                }
                int stream = indexOf(pdf, STREAM, kind);
                if (stream < 0) {
                    return false;
                }
                int data = stream + STREAM.length;
                while (data < pdf.limit() && (pdf.get(data) == '\r' || pdf.get(data) == '\n')) {
                    data++;
                }
                total += inflated(pdf.slice(data, pdf.limit() - data), limit - total + 1);
                if (total > limit) {
                    return true;
                }
                at = data;
            }
            return false;
        }
    }

    /** Where the next object or cross-reference stream's name starts: one pass for both names. */
    private static int nextKind(MappedByteBuffer pdf, int from) {
        for (int i = from; i < pdf.limit(); i++) {
            if (pdf.get(i) != '/') {
                continue;
            }
            for (byte[] kind : KINDS) {
                if (startsAt(pdf, kind, i)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Bytes the Flate data at the start of {@code data} decodes to, counted up to {@code atMost}; 0 when it is not Flate. */
    private static long inflated(java.nio.ByteBuffer data, long atMost) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            byte[] out = new byte[64 * 1024];
            long count = 0;
            while (count < atMost && !inflater.finished()) {
                int n = inflater.inflate(out);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                count += n;
            }
            return count;
        } catch (DataFormatException e) {
            return 0; // not Flate, or damaged: PDFBox will say what it makes of it
        } finally {
            inflater.end();
        }
    }

    private static int indexOf(MappedByteBuffer pdf, byte[] what, int from) {
        for (int i = from; i <= pdf.limit() - what.length; i++) {
            if (pdf.get(i) == what[0] && startsAt(pdf, what, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsAt(MappedByteBuffer pdf, byte[] what, int at) {
        if (at > pdf.limit() - what.length) {
            return false;
        }
        for (int j = 0; j < what.length; j++) {
            if (pdf.get(at + j) != what[j]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
