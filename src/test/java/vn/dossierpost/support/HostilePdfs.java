package vn.dossierpost.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * One-page PDFs whose page tree sits in a compressed object stream (PDF 1.5, cross-reference
 * stream), written byte by byte so a test controls what the parser must decode: with a few bytes of
 * padding it is an ordinary PDF; with hundreds of megabytes of blanks after the page tree it is a
 * decompression bomb of a few hundred kilobytes.
 */
public final class HostilePdfs {
    private HostilePdfs() {}

    /** A valid PDF whose object stream decodes to {@code padding} blanks more than it needs. */
    public static byte[] objectStream(long padding) {
        return objectStream(padding, "");
    }

    /** The same with {@code extra} inside the page tree's dictionary (e.g. deeply nested arrays). */
    public static byte[] objectStream(long padding, String extra) {
        String pages = "<< /Type /Pages /Kids [3 0 R] /Count 1 " + extra + ">>";
        String header = "2 0\n";
        byte[] compressed = deflate(header + pages, padding);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(pdf, "%PDF-1.5\n%\u00e2\u00e3\u00cf\u00d3\n");
        offsets.add(pdf.size());
        write(pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        offsets.add(pdf.size());
        write(pdf, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n");
        offsets.add(pdf.size());
        write(
                pdf,
                "4 0 obj\n<< /Type /ObjStm /N 1 /First " + header.length() + " /Filter /FlateDecode /Length "
                        + compressed.length + " >>\nstream\n");
        pdf.writeBytes(compressed);
        write(pdf, "\nendstream\nendobj\n");
        int xref = pdf.size();
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        entry(entries, 0, 0, 0xFFFF); // 0: free
        entry(entries, 1, offsets.get(0), 0); // 1: catalog
        entry(entries, 2, 4, 0); // 2: page tree, in object stream 4 at index 0
        entry(entries, 1, offsets.get(1), 0); // 3: page
        entry(entries, 1, offsets.get(2), 0); // 4: the object stream
        entry(entries, 1, xref, 0); // 5: this cross-reference stream
        write(
                pdf,
                "5 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Length " + entries.size() + " >>\nstream\n");
        pdf.writeBytes(entries.toByteArray());
        write(pdf, "\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n");
        return pdf.toByteArray();
    }

    private static byte[] deflate(String start, long padding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION))) {
            z.write(start.getBytes(StandardCharsets.ISO_8859_1));
            byte[] blanks = new byte[1 << 16];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (long left = padding; left > 0; left -= blanks.length) {
                z.write(blanks, 0, (int) Math.min(blanks.length, left));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void entry(ByteArrayOutputStream out, int type, long field2, int field3) {
        out.write(type);
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (field2 >> shift) & 0xFF);
        }
        out.write((field3 >> 8) & 0xFF);
        out.write(field3 & 0xFF);
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
