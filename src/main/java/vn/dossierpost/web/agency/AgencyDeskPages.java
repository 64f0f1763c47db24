package vn.dossierpost.web.agency;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.ZoneId;
import java.util.List;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.Role;
import vn.dossierpost.http.PersonalData;
import vn.dossierpost.http.ScanDownload;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.counter.DossierFiles;
import vn.dossierpost.service.counter.DossierFiles.ServedFile;
import vn.dossierpost.service.handover.AgencyDesk;
import vn.dossierpost.service.handover.HandoverQueries;
import vn.dossierpost.storage.BlobStore;
import vn.dossierpost.web.Staff;

/**
 * The agency's desk, for agency staff signed in with a password: the dossiers handed to their
 * agency ({@code /agency}), one dossier with its scans, each scan inline, all of them as one ZIP,
 * and the handover records. An agency sees only its own: another's dossier, scan or record is
 * refused by the same rules as on the JSON API. The answers are {@link AgencyAnswerPages}.
 */
@Path("/agency")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class AgencyDeskPages {
    private final AgencyDesk desk;
    private final DossierFiles files;
    private final HandoverQueries handovers;
    private final BlobStore store;
    private final ZoneId zone;

    public AgencyDeskPages(
            AgencyDesk desk, DossierFiles files, HandoverQueries handovers, BlobStore store, ZoneId zone) {
        this.desk = desk;
        this.files = files;
        this.handovers = handovers;
        this.store = store;
        this.zone = zone;
    }

    @PersonalData("DOSSIER_LIST")
    @GET
    public Response list(
            @Context ContainerRequestContext request, @QueryParam("tab") String tab, @QueryParam("q") String q) {
        WebSession agency = Staff.require(request, Role.AGENCY);
        AgencyDesk.Tab shown = AgencyListPage.tab(tab);
        try {
            return noStore(
                    Response.ok(new AgencyListPage(agency, shown, q, desk.list(agency.user(), shown, q), null, zone)));
        } catch (Problem p) {
            if (p.status() != 422) {
                throw p;
            }
            AgencyDesk.Listing all = desk.list(agency.user(), shown, null);
            return noStore(Response.status(422)
                    .entity(new AgencyListPage(
                            agency, shown, q, all, p.problems().get(0).message(), zone)));
        }
    }

    /** {@code tep}: the scan shown in the preview (the first when none or another). */
    @PersonalData("DOSSIER")
    @GET
    @Path("ho-so/{code}")
    public Response show(
            @Context ContainerRequestContext request, @PathParam("code") String code, @QueryParam("tep") String file) {
        WebSession agency = Staff.require(request, Role.AGENCY);
        return noStore(Response.ok(new AgencyDossierPage(agency, desk.dossier(agency.user(), code), file, zone)));
    }

    /** A scan, inline with its own type; the page's download link saves it under its name. */
    @PersonalData("FILE")
    @GET
    @Path("ho-so/{code}/tep/{fileId}")
    @Produces(MediaType.WILDCARD)
    public Response file(
            @Context ContainerRequestContext request,
            @PathParam("code") String code,
            @PathParam("fileId") String fileId,
            @HeaderParam("Range") String range,
            @HeaderParam("If-Range") String ifRange,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        WebSession agency = Staff.require(request, Role.AGENCY);
        return ScanDownload.of(files.open(agency.user(), code, fileId), store, range, ifRange, ifNoneMatch);
    }

    /** Every scan of the dossier in one ZIP, a folder per document, streamed (nothing held in memory). */
    @PersonalData("FILES")
    @GET
    @Path("ho-so/{code}/tep.zip")
    @Produces("application/zip")
    public Response zip(@Context ContainerRequestContext request, @PathParam("code") String code) {
        WebSession agency = Staff.require(request, Role.AGENCY);
        List<ServedFile> contents = desk.zipContents(agency.user(), code);
        StreamingOutput body = out -> desk.writeZip(contents, out);
        return Response.ok(body, "application/zip")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ho-so-" + safe(code) + ".zip\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .build();
    }

    /** The handover record ("Biên bản giao nhận hồ sơ") of one of the agency's handovers. */
    @PersonalData("HANDOVER_RECORD")
    @GET
    @Path("ban-giao/{no}/bien-ban.pdf")
    @Produces("application/pdf")
    public Response record(@Context ContainerRequestContext request, @PathParam("no") String no) {
        WebSession agency = Staff.require(request, Role.AGENCY);
        return Response.ok(handovers.recordPdf(agency.user(), no), "application/pdf")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"bien-ban-giao-nhan-" + safe(no) + ".pdf\"")
                .build();
    }

    private static Response noStore(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** A code as a file name: letters, digits, dots and dashes only. */
    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9.-]", "_");
    }
}
