package vn.dossierpost.web.counter;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.Role;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.counter.DossierSearch;
import vn.dossierpost.web.Staff;

/**
 * Finding a dossier: {@code /counter/ho-so?q=} a code, S10 number, CCCD, phone or name. A code or S10
 * number that names one dossier opens it; otherwise a page of matches, newest first, and "Trang sau"
 * carrying the last id shown ({@code truoc}). The dossier's own page is another resource's.
 */
@Path("/counter/ho-so")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class DossierSearchPages {
    private final DossierSearch search;

    public DossierSearchPages(DossierSearch search) {
        this.search = search;
    }

    @GET
    public Response search(
            @Context ContainerRequestContext request,
            @QueryParam("q") String q,
            @QueryParam("truoc") Long before,
            @QueryParam("n") @DefaultValue("" + DossierSearch.DEFAULT_PAGE_SIZE) int pageSize) {
        WebSession session = Staff.require(request, Role.COUNTER, Role.SUPERVISOR, Role.ADMIN);
        if (q == null || q.isBlank()) {
            return Response.ok(SearchPage.form(session)).build();
        }
        try {
            DossierSearch.Result result = search.search(session.user(), q, before, pageSize);
            if (before == null && result.single().isPresent()) {
                return Response.seeOther(UriBuilder.fromPath("/counter/ho-so/{code}")
                                .build(result.single().get()))
                        .build();
            }
            return Response.ok(SearchPage.found(session, q, pageSize, result)).build();
        } catch (Problem p) {
            if (p.status() != 422) {
                throw p;
            }
            return Response.status(422)
                    .entity(SearchPage.refused(session, q, p.problems().get(0).message()))
                    .build();
        }
    }
}
