package vn.dossierpost.http;

import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.fileupload2.core.ParameterParser;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.counter.IncomingFiles;

/**
 * A multipart/form-data request body read as it arrives, part by part ({@link MultipartStream}):
 * nothing is buffered beyond one read buffer, so a 20 MB scan goes from the socket to the staging
 * file without ever being whole in memory (Jersey's FormDataMultiPart would spool each part to a
 * temporary file first, and then we would copy it again). Part headers are UTF-8, which is what
 * browsers send for a file name like "Tờ khai.pdf"; commons-fileupload's parameter parser reads the
 * Content-Disposition, RFC 2231 {@code filename*} included.
 */
public final class MultipartFiles implements IncomingFiles {
    private static final int BUFFER = 256 * 1024;
    private static final int MAX_PART_HEADERS = 16 * 1024;

    private final MultipartStream input;
    private boolean finished;
    private int index = -1;

    private MultipartFiles(MultipartStream input) {
        this.input = input;
    }

    /** Refuses (415) anything but multipart/form-data with a boundary. */
    public static MultipartFiles open(String contentType, InputStream body) throws IOException {
        String boundary = boundary(contentType);
        return new MultipartFiles(
                new MultipartStream(body, boundary.getBytes(StandardCharsets.ISO_8859_1), BUFFER, MAX_PART_HEADERS));
    }

    private static String boundary(String contentType) {
        String expected = "must be multipart/form-data, one part per file";
        if (contentType == null || contentType.isBlank()) {
            throw Problem.unsupportedType("Content-Type", expected + "; the request has none");
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw Problem.unsupportedType("Content-Type", expected + "; got '" + contentType + "'");
        }
        if (!type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE) || type.isWildcardSubtype()) {
            throw Problem.unsupportedType(
                    "Content-Type", expected + "; got " + type.getType() + "/" + type.getSubtype());
        }
        String boundary = type.getParameters().get("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw Problem.malformed(
                    "Content-Type", "multipart/form-data needs a boundary parameter of 1 to 70 characters");
        }
        return boundary;
    }

    @Override
    public IncomingFile next() throws IOException {
        if (finished) {
            return null;
        }
        String block = input.nextPart();
        if (block == null) {
            finished = true;
            return null;
        }
        Map<String, String> headers = headers(block);
        String disposition = headers.get("content-disposition");
        index++;
        if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
            throw Problem.malformed(
                    "files[" + index + "]", "each part needs 'Content-Disposition: form-data; name=...; filename=...'");
        }
        String contentType = headers.get("content-type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            throw Problem.invalid(
                    "files[" + index + "]", "nested multipart parts are not taken: send each file as its own part");
        }
        ParameterParser parser = new ParameterParser();
        parser.setLowerCaseNames(true);
        Map<String, String> params = parser.parse(disposition, ';');
        return new IncomingFile(index, params.get("name"), params.get("filename"), input.partContent());
    }

    /** Part headers by lower-case name; folded lines joined. */
    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new HashMap<>();
        String name = null;
        for (String line : block.split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                headers.merge(name, " " + line.strip(), String::concat);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.put(name, line.substring(colon + 1).trim());
        }
        return headers;
    }
}
