package vn.dossierpost.support;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * multipart/form-data bodies written byte for byte, as a browser sends them (the file name as raw
 * UTF-8 in the part header), so a test can also send what no well-behaved client would.
 */
public final class Multipart {
    public static final String BOUNDARY = "----dossierpost-test-7MA4YWxkTrZu0gW";

    private final List<byte[]> parts = new ArrayList<>();

    public static Multipart file(String fileName, String declaredType, byte[] content) {
        return new Multipart().add(fileName, declaredType, content);
    }

    public Multipart add(String fileName, String declaredType, byte[] content) {
        String header = "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + declaredType + "\r\n";
        return addRaw(header.getBytes(StandardCharsets.UTF_8), content);
    }

    /** A part with these exact header bytes (each line ending in CRLF). */
    public Multipart addRaw(byte[] headerLines, byte[] content) {
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        part.writeBytes(("--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.US_ASCII));
        part.writeBytes(headerLines);
        part.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        part.writeBytes(content);
        part.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        parts.add(part.toByteArray());
        return this;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    public static String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    public Entity<byte[]> entity() {
        return Entity.entity(bytes(), MediaType.valueOf(contentType()));
    }
}
