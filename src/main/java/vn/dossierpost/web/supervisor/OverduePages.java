package vn.dossierpost.web.supervisor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.Role;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.dossier.DossierService;
import vn.dossierpost.web.Staff;

/**
 * The overdue list across the legs (the same as {@code GET /api/dossiers?overdue=true}): an
 * office-bound supervisor sees their office's dossiers, an unbound one every office's, optionally of
 * one agency; newest first, a hundred at a time.
 */
@Path("/supervisor/qua-han")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class OverduePages {
    private static final int PAGE = 100;

    private final DossierService dossiers;
    private final ReferenceDataCache referenceData;
    private final Clock clock;
    private final ZoneId zone;

    public OverduePages(DossierService dossiers, ReferenceDataCache referenceData, Clock clock, ZoneId zone) {
        this.dossiers = dossiers;
        this.referenceData = referenceData;
        this.clock = clock;
        this.zone = zone;
    }

    @GET
    public OverduePage show(
            @Context ContainerRequestContext request,
            @QueryParam("agency") String agency,
            @QueryParam("before") Long before) {
        WebSession session = Staff.require(request, Role.SUPERVISOR, Role.ADMIN);
        String agencyCode = agency == null || agency.isBlank() ? null : agency.strip();
        return new OverduePage(
                session,
                dossiers.list(session.user(), null, agencyCode, null, true, before, PAGE),
                agencyCode,
                referenceData.get(),
                LocalDate.now(clock.withZone(zone)));
    }
}
