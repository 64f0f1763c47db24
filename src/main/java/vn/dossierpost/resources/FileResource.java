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
import java.util.List;
import vn.dossierpost.api.FileView;
import vn.dossierpost.domain.User;
import vn.dossierpost.http.PersonalData;
import vn.dossierpost.http.ScanDownload;
import vn.dossierpost.service.counter.DossierFiles;
import vn.dossierpost.storage.BlobStore;

/**
 * A dossier's scans: the list, and each file as {@link ScanDownload} serves it (type, length, ETag,
 * byte ranges). Who may fetch them is the dossier's readers: its office, supervisors, and after
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

    @PersonalData("FILES")
    @GET
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    @RolesAllowed({"COUNTER", "AGENCY", "SUPERVISOR", "ADMIN", "COURIER"})
    public List<FileView> list(@Auth User user, @PathParam("code") String code) {
        return files.list(user, code);
    }

    @PersonalData("FILE")
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
        return ScanDownload.of(files.open(user, code, fileId), store, range, ifRange, ifNoneMatch);
    }
}
