package vn.dossierpost.web.counter;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import vn.dossierpost.api.DossierView;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.api.PaymentRequest;
import vn.dossierpost.api.UploadResult;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.IllegalTransitionException;
import vn.dossierpost.domain.Role;
import vn.dossierpost.http.PersonalData;
import vn.dossierpost.http.ScanDownload;
import vn.dossierpost.http.ScanUpload;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.counter.Corrections;
import vn.dossierpost.service.counter.DigitisationService;
import vn.dossierpost.service.counter.DossierFiles;
import vn.dossierpost.service.counter.Supplements;
import vn.dossierpost.service.dossier.DossierService;
import vn.dossierpost.service.payment.PaymentService;
import vn.dossierpost.storage.BlobStore;
import vn.dossierpost.web.Flash;
import vn.dossierpost.web.Staff;

/**
 * The counter clerk's dossier page ({@code /counter/ho-so/{code}}) and what it does: show a scan
 * inline, take scans one file per request (the page's script shows each file's progress), withdraw
 * the dossier, correct the applicant's contact details, take a supplement, take or pay back the money. Each action calls the service the JSON API calls, with the
 * clerk's session instead of Basic authentication; who may read or change the dossier is the
 * service's rule (a clerk of another office gets the 403 page).
 */
@Path("/counter/ho-so")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class DossierPages {
    private final DossierService dossiers;
    private final DossierFiles files;
    private final DigitisationService digitisation;
    private final Supplements supplements;
    private final Corrections corrections;
    private final PaymentService payments;
    private final BlobStore store;
    private final ReferenceDataCache referenceData;
    private final ZoneId zone;
    private final long drainLimit;

    public DossierPages(
            DossierService dossiers,
            DossierFiles files,
            DigitisationService digitisation,
            Supplements supplements,
            Corrections corrections,
            PaymentService payments,
            BlobStore store,
            ReferenceDataCache referenceData,
            ZoneId zone,
            long drainLimit) {
        this.dossiers = dossiers;
        this.files = files;
        this.digitisation = digitisation;
        this.supplements = supplements;
        this.corrections = corrections;
        this.payments = payments;
        this.store = store;
        this.referenceData = referenceData;
        this.zone = zone;
        this.drainLimit = drainLimit;
    }

    @PersonalData("DOSSIER")
    @GET
    @Path("{code}")
    public Response show(@Context ContainerRequestContext request, @PathParam("code") String code) {
        WebSession clerk = Staff.require(request, Role.COUNTER);
        return Response.ok(page(clerk, code))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** A scan of the dossier, inline with its own type (PDFs open in the page's frame, images in an img). */
    @PersonalData("FILE")
    @GET
    @Path("{code}/tep/{fileId}")
    @Produces(MediaType.WILDCARD)
    public Response file(
            @Context ContainerRequestContext request,
            @PathParam("code") String code,
            @PathParam("fileId") String fileId,
            @HeaderParam("Range") String range,
            @HeaderParam("If-Range") String ifRange,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        WebSession clerk = Staff.require(request, Role.COUNTER);
        return ScanDownload.of(files.open(clerk.user(), code, fileId), store, range, ifRange, ifNoneMatch);
    }

    /**
     * Scans of one document, as the API's upload takes them (multipart, one part per file; the page
     * sends one file per request so each has its own progress). The answer is JSON for the page's
     * script: what was recognised, or why the file was refused (nothing stored then).
     */
    @POST
    @Path("{code}/tep")
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Response upload(
            @Context ContainerRequestContext request,
            @PathParam("code") String code,
            @QueryParam("component") String component,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            @HeaderParam("Expect") String expect,
            InputStream entity)
            throws IOException {
        WebSession clerk = Staff.require(request, Role.COUNTER);
        try {
            UploadResult result = ScanUpload.receive(
                    digitisation,
                    drainLimit,
                    clerk.user(),
                    code,
                    component == null ? "" : component,
                    contentType,
                    contentLength,
                    expect,
                    entity);
            return Response.status(201).entity(ScanAnswer.stored(result, zone)).build();
        } catch (Problem p) {
            return Response.status(p.status()).entity(ScanAnswer.refused(p)).build();
        }
    }

    @POST
    @Path("{code}/rut")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(
            @Context ContainerRequestContext request,
            @PathParam("code") String code,
            @FormParam("reason") String reason) {
        WebSession clerk = Staff.require(request, Role.COUNTER);
        try {
            dossiers.withdraw(clerk.user(), code, reason);
            return Flash.redirect(here(code), "Đã rút hồ sơ " + code + ".");
        } catch (Problem p) {
            if (p.status() == 422) {
                return refused(422, page(clerk, code).withdrawalRefused(reason, fieldMessage(p, "reason")));
            }
            if (p.status() == 409) {
                return refused(409, page(clerk, code).refused(conflict(p.getMessage())));
            }
            throw p;
        } catch (IllegalTransitionException e) {
            return refused(409, page(clerk, code).refused(notNow(e)));
        }
    }

    /** The supplement taken (its scans uploaded above on the page): the dossier goes back to the agency. */
    @POST
    @Path("{code}/bo-sung")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response supplement(
            @Context ContainerRequestContext request, @PathParam("code") String code, @FormParam("note") String note) {
        WebSession clerk = Staff.require(request, Role.COUNTER);
        try {
            supplements.completeSupplement(clerk.user(), code, note);
            return Flash.redirect(here(code), "Đã nhận hồ sơ bổ sung; hồ sơ sẽ được chuyển lại cho cơ quan.");
        } catch (Problem p) {
            if (p.status() == 422) {
                return refused(
                        422,
                        page(clerk, code)
                                .supplementRefused(
                                        note,
                                        "Chưa có tệp quét nào của hồ sơ bổ sung: hãy quét các giấy tờ bổ sung ở "
                                                + "trên trước. (" + fieldMessage(p, "files") + ")"));
            }
            if (p.status() == 409) {
                return refused(409, page(clerk, code).refused(conflict(p.getMessage())));
            }
            throw p;
        }
    }

    /** The applicant's contact details or the delivery address corrected before handover (the form sends them all). */
    @POST
    @Path("{code}/sua")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response correct(
            @Context ContainerRequestContext request,
            @PathParam("code") String code,
            @FormParam("reason") String reason,
            @FormParam("fullName") String fullName,
            @FormParam("phone") String phone,
            @FormParam("email") String email,
            @FormParam("street") String street,
            @FormParam("communeCode") String communeCode,
            @FormParam("deliveryStreet") String deliveryStreet,
            @FormParam("deliveryCommuneCode") String deliveryCommuneCode) {
        WebSession clerk = Staff.require(request, Role.COUNTER);
        Map<String, String> sent = new HashMap<>();
        sent.put("reason", reason);
        sent.put("fullName", fullName);
        sent.put("phone", phone);
        sent.put("email", email);
        sent.put("street", street);
        sent.put("communeCode", communeCode);
        sent.put("deliveryStreet", deliveryStreet);
        sent.put("deliveryCommuneCode", deliveryCommuneCode);
        try {
            corrections.correct(clerk.user(), code, CorrectionForm.request(sent));
            return Flash.redirect(here(code), "Đã sửa thông tin liên hệ của hồ sơ " + code + ".");
        } catch (Problem p) {
            if (p.status() == 422) {
                DossierPage page = page(clerk, code);
                return refused(
                        422,
                        page.correctionRefused(CorrectionForm.refused(
                                sent, page.getCorrection().homeDelivery(), p.problems())));
            }
            if (p.status() == 409) {
                DossierPage page = page(clerk, code);
                return refused(
                        409,
                        page.refused("Không sửa được: hồ sơ đã bàn giao cho cơ quan giải quyết (trạng thái «"
                                + page.getDossier().statusLabelVi()
                                + "»). Thông tin đã sửa được gửi cho cơ quan qua hồ sơ bổ sung, khi cơ quan "
                                + "yêu cầu bổ sung."));
            }
            throw p;
        }
    }

    /** The clerk took the money of a pending payment: cash, a card (its terminal reference), a transfer shown. */
    @POST
    @Path("{code}/thu-tien")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response takePayment(
            @Context ContainerRequestContext request,
            @PathParam("code") String code,
            @FormParam("method") String method,
            @FormParam("terminalReference") String terminalReference) {
        WebSession clerk = Staff.require(request, Role.COUNTER);
        try {
            payments.confirm(clerk.user(), code, new PaymentRequest(method, terminalReference));
            return Flash.redirect(here(code), "Đã ghi nhận thu tiền hồ sơ " + code + ".");
        } catch (Problem p) {
            if (p.status() == 422) {
                String field = p.problems().isEmpty() ? "" : p.problems().get(0).field();
                String why = switch (field) {
                    case "terminalReference" ->
                        "Thu bằng thẻ: nhập số tham chiếu in trên hóa đơn máy POS (tối đa 64 ký tự).";
                    case "method" ->
                        "Hình thức thu không dùng được tại bưu cục này ("
                                + p.problems().get(0).message() + ").";
                    default -> p.getMessage();
                };
                return refused(422, page(clerk, code).paymentRefused(method, terminalReference, why));
            }
            if (p.status() == 409) {
                return refused(409, page(clerk, code).refused(conflict(p.getMessage())));
            }
            throw p;
        }
    }

    /** The money paid back (a withdrawn dossier, or the fee of a refused one where the procedure gives it back). */
    @POST
    @Path("{code}/hoan-tien")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response refund(
            @Context ContainerRequestContext request,
            @PathParam("code") String code,
            @FormParam("reason") String reason) {
        WebSession clerk = Staff.require(request, Role.COUNTER);
        try {
            payments.refund(clerk.user(), code, reason);
            return Flash.redirect(here(code), "Đã hoàn tiền hồ sơ " + code + ": in phiếu hoàn tiền bên dưới.");
        } catch (Problem p) {
            if (p.status() == 422) {
                return refused(422, page(clerk, code).refundRefused(reason, "Xin ghi lý do hoàn tiền."));
            }
            if (p.status() == 409) {
                return refused(409, page(clerk, code).refused("Không hoàn tiền được. (" + p.getMessage() + ")"));
            }
            throw p;
        }
    }

    private DossierPage page(WebSession clerk, String code) {
        DossierView view = dossiers.view(clerk.user(), code);
        return new DossierPage(
                clerk,
                view,
                files.list(clerk.user(), code),
                dossiers.events(clerk.user(), code),
                payments.view(clerk.user(), code),
                referenceData.get().procedureView(view.procedure().code()).orElse(null),
                zone);
    }

    private static Response refused(int status, DossierPage page) {
        return Response.status(status).entity(page).build();
    }

    private static String here(String code) {
        return UriBuilder.fromPath("/counter/ho-so/{code}").build(code).toString();
    }

    private static String fieldMessage(Problem p, String field) {
        String why = p.problems().stream()
                .filter(f -> field.equals(f.field()))
                .map(FieldProblem::message)
                .findFirst()
                .orElse(p.getMessage());
        return field.equals("reason") ? "Xin ghi lý do rút hồ sơ (" + why + ")." : why;
    }

    private static String conflict(String message) {
        return "Không thực hiện được: hồ sơ đã ở trạng thái khác. (" + message + ")";
    }

    private static String notNow(IllegalTransitionException e) {
        return "Không thể rút hồ sơ khi hồ sơ đang ở trạng thái «" + e.from().labelVi() + "». (" + e.getMessage() + ")";
    }
}
