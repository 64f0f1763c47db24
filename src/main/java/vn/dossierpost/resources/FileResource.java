package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import vn.dossierpost.api.FileView;
import vn.dossierpost.domain.User;
import vn.dossierpost.http.ByteRange;
import vn.dossierpost.service.counter.DossierFiles;
import vn.dossierpost.service.counter.DossierFiles.ServedFile;
import vn.dossierpost.storage.BlobStore;

/**
 * A dossier's scans: the list, and each file with its type, length, its SHA-256 as ETag (the content
 * never changes under an id, so the tag is strong), and byte ranges for viewers that fetch a large
 * PDF in pieces. Who may fetch them is the dossier's readers: its office, supervisors, and after
 * handover the receiving agency.
 */
@Path("/api/dossiers/{code}/files")
public class FileResource {
    private final DossierFiles files;
    private final BlobStore store;

    public FileResource(DossierFiles files, BlobStore store) {
        this.files = files;
        this.store = store;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    @RolesAllowed({"COUNTER", "AGENCY", "SUPERVISOR", "ADMIN", "COURIER"})
    public List<FileView> list(@Auth User user, @PathParam("code") String code) {
        return files.list(user, code);
    }

    @GET
    @Path("/{fileId}")
    @RolesAllowed({"COUNTER", "AGENCY", "SUPERVISOR", "ADMIN", "COURIER"})
    public Response download(
            @Auth User user,
            @PathParam("code") String code,
            @PathParam("fileId") String fileId,
            @HeaderParam("Range") String range,
            @HeaderParam("If-Range") String ifRange,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ServedFile served = files.open(user, code, fileId);
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
                    .entity(body(f.sha256(), r.start(), r.length()))
                    .header("Content-Range", r.contentRange(f.sizeBytes()))
                    .header(HttpHeaders.CONTENT_LENGTH, r.length());
        } else {
            response =
                    Response.ok(body(f.sha256(), 0, f.sizeBytes())).header(HttpHeaders.CONTENT_LENGTH, f.sizeBytes());
        }
        return response.type(f.contentType())
                .header(HttpHeaders.ETAG, etag)
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-transform")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(f.originalName()))
                .build();
    }

    private StreamingOutput body(String sha256, long offset, long length) {
        return out -> store.copy(sha256, offset, length, out);
    }

    /** inline, with the name as given (RFC 6266/8187 filename*) and an ASCII stand-in for old clients. */
    static String disposition(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7E]", "_").replace("\\", "_").replace("\"", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
