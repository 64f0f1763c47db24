package vn.dossierpost.web.counter;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.dossierpost.api.DossierView;
import vn.dossierpost.api.IntakeRequest;
import vn.dossierpost.api.ProcedureView;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.Role;
import vn.dossierpost.http.PersonalData;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.counter.IntakeQuote;
import vn.dossierpost.service.counter.IntakeService;
import vn.dossierpost.service.dossier.DossierService;
import vn.dossierpost.web.Flash;
import vn.dossierpost.web.Staff;

/**
 * Intake at the counter ({@code /counter/tiep-nhan}): the form, its live checklist and fee quote
 * ({@link IntakeService#quote}), saving it through the same {@link IntakeService#intake} as
 * {@code POST /api/dossiers}, and the page after it with the slip ready to print. A refused form
 * comes back (422) as the clerk left it, every problem beside its input; nothing is stored.
 */
@Path("/counter/tiep-nhan")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class IntakePages {
    private final IntakeService intake;
    private final DossierService dossiers;
    private final ReferenceDataCache referenceData;

    public IntakePages(IntakeService intake, DossierService dossiers, ReferenceDataCache referenceData) {
        this.intake = intake;
        this.dossiers = dossiers;
        this.referenceData = referenceData;
    }

    /** The empty form; {@code ?thu-tuc=} chooses the procedure, {@code &co=} ticks documents already checked. */
    @GET
    public IntakeFormPage form(
            @Context ContainerRequestContext request,
            @QueryParam("thu-tuc") String procedure,
            @QueryParam("co") List<String> brought) {
        WebSession session = Staff.require(request, Role.COUNTER);
        return page(session, IntakeForm.blank(procedure, brought), Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@Context ContainerRequestContext request, Form sent) {
        WebSession session = Staff.require(request, Role.COUNTER);
        IntakeForm form = IntakeForm.of(sent.asMap());
        IntakeRequest body = form.toRequest(procedure(form));
        try {
            DossierView saved = dossiers.toView(intake.intake(session.user(), body));
            return Flash.redirect("/counter/tiep-nhan/" + saved.code() + "/xong", "Đã tiếp nhận hồ sơ " + saved.code());
        } catch (Problem p) {
            if (p.status() != 422) {
                throw p;
            }
            return Response.status(422)
                    .entity(page(session, form, form.inputsOf(p.problems())))
                    .build();
        }
    }

    /** The live part after any change of the form (htmx): documents, what is missing, the quote. */
    @POST
    @Path("kiem-tra")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public ChecklistView check(@Context ContainerRequestContext request, Form sent) {
        WebSession session = Staff.require(request, Role.COUNTER);
        IntakeForm form = IntakeForm.of(sent.asMap());
        ProcedureView procedure = procedure(form);
        IntakeQuote quote = quote(session, form, procedure);
        // while the clerk works only a document's own problems show; the rest wait for "Lưu"
        Map<String, List<String>> documentProblems = quote == null
                ? Map.of()
                : form.inputsOf(quote.problems()).entrySet().stream()
                        .filter(e -> e.getKey().matches("(component|form|pages)-.*"))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new ChecklistView(new Checklist(procedure, form, quote, documentProblems));
    }

    /** After saving: the codes, the slip shown at once and a link to print it, the way on to the scans. */
    @PersonalData("DOSSIER")
    @GET
    @Path("{code}/xong")
    public IntakeDonePage done(@Context ContainerRequestContext request, @PathParam("code") String code) {
        WebSession session = Staff.require(request, Role.COUNTER);
        return new IntakeDonePage(session, dossiers.view(session.user(), code));
    }

    private IntakeFormPage page(WebSession session, IntakeForm form, Map<String, List<String>> errors) {
        ReferenceData ref = referenceData.get();
        ProcedureView procedure = procedure(form);
        IntakeQuote quote = quote(session, form, procedure);
        return new IntakeFormPage(
                session,
                form,
                ref.procedureViews().stream()
                        .filter(ProcedureView::postalAllowed)
                        .toList(),
                new Checklist(procedure, form, quote, errors),
                errors,
                ref.communeView(form.value("communeCode").trim()).orElse(null),
                ref.communeView(form.value("deliveryCommuneCode").trim()).orElse(null));
    }

    /** The procedure chosen, when the post takes it (the service says why another one is refused). */
    private ProcedureView procedure(IntakeForm form) {
        return referenceData
                .get()
                .procedureView(form.procedure())
                .filter(ProcedureView::postalAllowed)
                .orElse(null);
    }

    /** Only once a procedure is chosen: before, there is nothing to price or check documents against. */
    private IntakeQuote quote(WebSession session, IntakeForm form, ProcedureView procedure) {
        return procedure == null ? null : intake.quote(session.user(), form.toRequest(procedure));
    }
}
