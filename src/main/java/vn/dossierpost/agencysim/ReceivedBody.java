package vn.dossierpost.agencysim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.fileupload2.core.ParameterParser;
import vn.dossierpost.http.MultipartStream;
import vn.dossierpost.service.Problem;

/**
 * A {@code POST /dossiers} body read as it arrives, with the service's own multipart reader: the
 * manifest part is kept (it is small and its exact bytes are signed), every other part is only
 * counted and hashed on the way past, so a 20 MB scan never sits in memory. Part headers are UTF-8
 * and the Content-Disposition is read with commons-fileupload's parser, as the service does, so a
 * file name like "tờ khai.pdf" comes out as it was sent.
 */
final class ReceivedBody {
    static final String MANIFEST = "manifest";
    private static final int BUFFER = 256 * 1024;
    private static final int MAX_PART_HEADERS = 16 * 1024;
    private static final int MAX_MANIFEST = 1024 * 1024;

    /** A file part: its name (the manifest path), the file name it was sent with, and its digest. */
    record FilePart(String name, String fileName, FileDigest digest) {}

    private final byte[] manifest;
    private final Map<String, FilePart> files;

    private ReceivedBody(byte[] manifest, Map<String, FilePart> files) {
        this.manifest = manifest;
        this.files = files;
    }

    /**
     * Reads the whole body. When it is refused half-way, the rest is still read and dropped, so the
     * client hears the 400 instead of a connection closed while it was sending.
     */
    static ReceivedBody read(String contentType, InputStream body) throws IOException, Rejection {
        try {
            return parse(contentType, body);
        } catch (Rejection r) {
            body.transferTo(OutputStream.nullOutputStream());
            throw r;
        }
    }

    private static ReceivedBody parse(String contentType, InputStream body) throws IOException, Rejection {
        MultipartStream stream = new MultipartStream(
                body, boundary(contentType).getBytes(StandardCharsets.ISO_8859_1), BUFFER, MAX_PART_HEADERS);
        byte[] manifest = null;
        Map<String, FilePart> files = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try {
            for (String block; (block = stream.nextPart()) != null; ) {
                Map<String, String> params = disposition(block);
                String name = params.get("name");
                if (name == null || name.isEmpty()) {
                    problems.add("a part has no name in its Content-Disposition");
                } else if (name.equals(MANIFEST)) {
                    if (manifest != null) {
                        problems.add("the manifest part is sent twice");
                    }
                    manifest = readManifest(stream.partContent());
                } else {
                    FilePart part = new FilePart(name, params.get("filename"), Signatures.digest(stream.partContent()));
                    if (files.putIfAbsent(name, part) != null) {
                        problems.add("part " + name + ": sent twice");
                    }
                }
            }
        } catch (Problem e) { // the multipart reader's way of saying the body is broken
            throw new Rejection(e.getMessage());
        }
        if (manifest == null) {
            problems.add(0, "no part named 'manifest'");
        }
        if (!problems.isEmpty()) {
            throw new Rejection(problems);
        }
        return new ReceivedBody(manifest, files);
    }

    private static String boundary(String contentType) throws Rejection {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new Rejection(
                    "Content-Type must be multipart/form-data, got " + (contentType == null ? "none" : contentType));
        }
        String boundary = parameters(contentType).get("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw new Rejection("Content-Type: multipart/form-data needs a boundary of 1 to 70 characters");
        }
        return boundary;
    }

    private static byte[] readManifest(InputStream in) throws IOException, Rejection {
        byte[] bytes = in.readNBytes(MAX_MANIFEST + 1);
        if (bytes.length > MAX_MANIFEST) {
            throw new Rejection("the manifest part is larger than " + MAX_MANIFEST + " bytes");
        }
        return bytes;
    }

    /** The Content-Disposition parameters of a part's header block (names in lower case). */
    private static Map<String, String> disposition(String block) throws Rejection {
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-disposition")) {
                String value = line.substring(colon + 1).trim();
                if (!value.toLowerCase(Locale.ROOT).startsWith("form-data")) {
                    break;
                }
                return parameters(value);
            }
        }
        throw new Rejection("each part needs 'Content-Disposition: form-data; name=...'");
    }

    private static Map<String, String> parameters(String headerValue) {
        ParameterParser parser = new ParameterParser();
        parser.setLowerCaseNames(true);
        return new HashMap<>(parser.parse(headerValue, ';'));
    }

    byte[] manifest() {
        return manifest;
    }

    Map<String, FilePart> files() {
        return files;
    }

    Map<String, FileDigest> digests() {
        Map<String, FileDigest> digests = new HashMap<>();
        files.forEach((name, part) -> digests.put(name, part.digest()));
        return digests;
    }
}
