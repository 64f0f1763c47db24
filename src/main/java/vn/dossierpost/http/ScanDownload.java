package vn.dossierpost.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import vn.dossierpost.api.FileView;
import vn.dossierpost.service.counter.DossierFiles.ServedFile;
import vn.dossierpost.storage.BlobStore;

/**
 * A stored scan as an HTTP answer, shown inline: its type, length, its SHA-256 as ETag (the content
 * never changes under an id, so the tag is strong), and byte ranges for viewers that fetch a large
 * PDF in pieces. The JSON API's download and the counter's preview serve files through here.
 */
public final class ScanDownload {
    private ScanDownload() {}

    /** The answer for {@code served}, honouring Range, If-Range and If-None-Match. */
    public static Response of(ServedFile served, BlobStore store, String range, String ifRange, String ifNoneMatch) {
        FileView f = served.file();
        String etag = "\"" + f.sha256() + "\"";
        if (ifNoneMatch != null
                && (ifNoneMatch.trim().equals("*")
                        || List.of(ifNoneMatch.split("\\s*,\\s*")).contains(etag))) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).build();
        }
        ByteRange.Request wanted = ifRange == null || ifRange.trim().equals(etag)
                ? ByteRange.parse(range, f.sizeBytes())
                : new ByteRange.Whole();
        Response.ResponseBuilder response;
        if (wanted instanceof ByteRange.Unsatisfiable) {
            return Response.status(416)
                    .header("Content-Range", "bytes */" + f.sizeBytes())
                    .header(HttpHeaders.ETAG, etag)
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("the range " + range + " is outside file " + f.id() + " of " + f.sizeBytes() + " bytes")
                    .build();
        } else if (wanted instanceof ByteRange.Partial partial) {
            ByteRange r = partial.range();
            response = Response.status(206)
                    .entity(body(store, f.sha256(), r.start(), r.length()))
                    .header("Content-Range", r.contentRange(f.sizeBytes()))
                    .header(HttpHeaders.CONTENT_LENGTH, r.length());
        } else {
            response = Response.ok(body(store, f.sha256(), 0, f.sizeBytes()))
                    .header(HttpHeaders.CONTENT_LENGTH, f.sizeBytes());
        }
        return response.type(f.contentType())
                .header(HttpHeaders.ETAG, etag)
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-transform")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(f.originalName()))
                .build();
    }

    private static StreamingOutput body(BlobStore store, String sha256, long offset, long length) {
        return out -> store.copy(sha256, offset, length, out);
    }

    /** inline, with the name as given (RFC 6266/8187 filename*) and an ASCII stand-in for old clients. */
    static String disposition(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7E]", "_").replace("\\", "_").replace("\"", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
