package vn.dossierpost.web.counter;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.dossierpost.api.IntakeRequest;
import vn.dossierpost.api.ProcedureView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.ServiceForm;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.counter.IntakeQuote;
import vn.dossierpost.service.counter.IntakeService;
import vn.dossierpost.web.Staff;

/**
 * The procedures as the clerk looks them up while the citizen waits: searched by name or code with or
 * without diacritics ({@code /counter/thu-tuc?q=ly lich tu phap}), and a printable guidance sheet per
 * procedure ({@code /counter/thu-tuc/{code}}) on which the clerk ticks what the citizen brought. Fees,
 * postage and dates are the intake's own quote for a dossier sent from the clerk's office.
 */
@Path("/counter/thu-tuc")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ProcedurePages {
    /** A national catalogue has thousands: the first ones shown, the clerk types more to narrow. */
    static final int SHOWN = 50;

    private final ReferenceDataCache referenceData;
    private final IntakeService intake;

    public ProcedurePages(ReferenceDataCache referenceData, IntakeService intake) {
        this.referenceData = referenceData;
        this.intake = intake;
    }

    @GET
    public ProcedureSearchPage search(@Context ContainerRequestContext request, @QueryParam("q") String query) {
        WebSession session = Staff.require(request, Role.COUNTER);
        List<ProcedureView> matching = referenceData.get().searchProcedures(query);
        List<ProcedureSearchPage.Found> found = matching.stream()
                .limit(SHOWN)
                .map(p -> new ProcedureSearchPage.Found(p, ProcedureFees.of(p, quote(session, p))))
                .toList();
        return new ProcedureSearchPage(session, query == null ? "" : query.strip(), found, matching.size());
    }

    /** {@code ?co=} lists the documents ticked as brought. */
    @GET
    @Path("{code}")
    public GuidancePage guidance(
            @Context ContainerRequestContext request,
            @PathParam("code") String code,
            @QueryParam("co") List<String> brought) {
        WebSession session = Staff.require(request, Role.COUNTER);
        ProcedureView procedure = referenceData
                .get()
                .procedureView(code.strip())
                .orElseThrow(() -> Problem.notFound("no procedure with code " + code));
        return new GuidancePage(session, procedure, ProcedureFees.of(procedure, quote(session, procedure)), brought);
    }

    /** What a dossier of this procedure, sent and returned by post, costs and when its result is due. */
    private IntakeQuote quote(WebSession session, ProcedureView p) {
        if (!p.postalAllowed()) {
            return null;
        }
        return intake.quote(
                session.user(),
                new IntakeRequest(p.code(), ServiceForm.SEND_AND_RETURN, null, null, null, null, null, null, null));
    }
}
