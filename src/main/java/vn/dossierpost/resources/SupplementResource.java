package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import vn.dossierpost.api.DossierView;
import vn.dossierpost.api.SupplementRequest;
import vn.dossierpost.domain.User;
import vn.dossierpost.http.ScanUpload;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.counter.DigitisationService;
import vn.dossierpost.service.counter.Supplements;

/**
 * The supplement an agency asked for (form 02), taken at the counter, which sends the dossier back
 * to the agency: with its scans in the same request, or after scanning them document by document
 * ({@code PUT .../components/{componentCode}/files}, accepted while the dossier is SUPPLEMENT_REQUESTED).
 */
@Path("/api/dossiers/{code}/supplements")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class SupplementResource {
    private final DigitisationService digitisation;
    private final Supplements supplements;
    private final long drainLimit;

    public SupplementResource(DigitisationService digitisation, Supplements supplements, long drainLimit) {
        this.digitisation = digitisation;
        this.supplements = supplements;
        this.drainLimit = drainLimit;
    }

    /**
     * The supplement with its scans in the same request: {@code ?component=<document code>} and a
     * multipart body of files, as for an upload ({@code &note=} optional). The scans are stored first,
     * then the supplement completed; should the second step fail, a JSON POST completes it later.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("COUNTER")
    public DossierView completeWithScans(
            @Auth User clerk,
            @PathParam("code") String code,
            @QueryParam("component") String component,
            @QueryParam("note") String note,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            @HeaderParam("Expect") String expect,
            InputStream entity)
            throws IOException {
        if (component == null || component.isBlank()) {
            throw Problem.invalid(
                    "component", "is required: the code of the document the scans are for, e.g. ?component=TO_KHAI");
        }
        ScanUpload.receive(
                digitisation, drainLimit, clerk, code, component, contentType, contentLength, expect, entity);
        return supplements.completeSupplement(clerk, code, note);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("COUNTER")
    public DossierView complete(@Auth User clerk, @PathParam("code") String code, @Valid SupplementRequest request) {
        return supplements.completeSupplement(clerk, code, request == null ? null : request.note());
    }
}
