package vn.dossierpost.resources;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import vn.dossierpost.api.AccessLogPage;
import vn.dossierpost.service.audit.AccessLog;

/**
 * The access log of personal data, for an administrator: {@code ?dossier=<code>&user=<username>
 * &from=YYYY-MM-DD&to=YYYY-MM-DD&limit=&before=}, newest first.
 */
@Path("/api/access-log")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class AccessLogResource {
    private final AccessLog log;

    public AccessLogResource(AccessLog log) {
        this.log = log;
    }

    @GET
    @RolesAllowed("ADMIN")
    public AccessLogPage list(
            @QueryParam("dossier") String dossier,
            @QueryParam("user") String user,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return log.list(dossier, user, from, to, before, limit);
    }
}
