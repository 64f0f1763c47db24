package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import vn.dossierpost.api.UploadResult;
import vn.dossierpost.domain.User;
import vn.dossierpost.http.ScanUpload;
import vn.dossierpost.service.counter.DigitisationService;

/**
 * {@code PUT /api/dossiers/{code}/components/{componentCode}/files}: the counter clerk's scans of one
 * document, as multipart/form-data with one part per file. The body is taken as the raw stream (no
 * {@code @Consumes}: the content type is checked here, after authentication, and refused with 415
 * naming what is expected) and parsed as it arrives.
 */
@Path("/api/dossiers/{code}/components/{componentCode}/files")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class UploadResource {
    private final DigitisationService digitisation;
    private final long drainLimit;

    /** {@code drainLimit}: how much of a refused upload is still read so the client sees the answer. */
    public UploadResource(DigitisationService digitisation, long drainLimit) {
        this.digitisation = digitisation;
        this.drainLimit = drainLimit;
    }

    @PUT
    @RolesAllowed("COUNTER")
    @ApiResponse(
            responseCode = "201",
            description = "Tệp đã lưu (the scans stored)",
            content = @Content(schema = @Schema(implementation = UploadResult.class)))
    public Response upload(
            @Auth User clerk,
            @PathParam("code") String code,
            @PathParam("componentCode") String componentCode,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            @HeaderParam("Expect") String expect,
            InputStream entity)
            throws IOException {
        UploadResult result = ScanUpload.receive(
                digitisation, drainLimit, clerk, code, componentCode, contentType, contentLength, expect, entity);
        return Response.created(URI.create(result.files().get(0).url()))
                .entity(result)
                .build();
    }
}
