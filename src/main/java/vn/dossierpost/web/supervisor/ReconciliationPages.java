package vn.dossierpost.web.supervisor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import vn.dossierpost.api.OfficeView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.Role;
import vn.dossierpost.http.Dates;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.returnleg.CourierService;
import vn.dossierpost.web.Staff;

/**
 * The day's cash of an office's couriers for a supervisor ({@code /supervisor/doi-soat}): what their
 * deliveries collected against what they handed in, from {@link CourierService#reconciliation} as
 * {@code GET /api/couriers/reconciliation}. A supervisor bound to an office sees that office's; a
 * national one (or an administrator) picks the office.
 */
@Path("/supervisor/doi-soat")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ReconciliationPages {
    private final CourierService couriers;
    private final ReferenceDataCache referenceData;

    public ReconciliationPages(CourierService couriers, ReferenceDataCache referenceData) {
        this.couriers = couriers;
        this.referenceData = referenceData;
    }

    @GET
    public Response show(
            @Context ContainerRequestContext request,
            @QueryParam("office") String office,
            @QueryParam("date") String date) {
        WebSession supervisor = Staff.require(request, Role.SUPERVISOR, Role.ADMIN);
        List<OfficeView> offices = supervisor.user().officeScope() != null
                ? List.of()
                : referenceData.get().officeViews().stream()
                        .sorted(Comparator.comparing(OfficeView::name))
                        .toList();
        ReconciliationPage page = new ReconciliationPage(supervisor, offices, office, date);
        if (supervisor.user().officeScope() == null && (office == null || office.isBlank())) {
            return Response.ok(page).build(); // a national supervisor chooses the office first
        }
        try {
            return Response.ok(page.showing(
                            couriers.reconciliation(supervisor.user(), blankToNull(office), Dates.parse(date, "date"))))
                    .build();
        } catch (Problem p) {
            if (p.status() != 422) {
                throw p;
            }
            return Response.status(422)
                    .entity(page.refused(p.field(), p.problems().get(0).message()))
                    .build();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
