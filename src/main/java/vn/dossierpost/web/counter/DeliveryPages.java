package vn.dossierpost.web.counter;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.dossierpost.api.AttemptRequest;
import vn.dossierpost.api.DeliveryView;
import vn.dossierpost.api.FieldProblem;
import vn.dossierpost.auth.WebSession;
import vn.dossierpost.domain.DossierStatus;
import vn.dossierpost.domain.Role;
import vn.dossierpost.http.PersonalData;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Shapes;
import vn.dossierpost.service.returnleg.CourierService;
import vn.dossierpost.service.returnleg.DeliveryAttempts;
import vn.dossierpost.service.returnleg.DeliveryQueries;
import vn.dossierpost.service.returnleg.DeliveryService;
import vn.dossierpost.service.returnleg.PickupService;
import vn.dossierpost.web.Flash;
import vn.dossierpost.web.Staff;

/**
 * Return items at the clerk's office ({@code /counter/buu-gui}): arrival by the S10 number a scanner
 * types (it ends with Enter), the items to deliver and their couriers, the items held for the
 * applicant, the hand-over at the counter with the identity check, the return to the agency once
 * the holding time is over, and the return slip. Each action calls the service the JSON API's
 * {@code /api/deliveries} calls; a refusal comes back on the page with the service's own words.
 */
@Path("/counter/buu-gui")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class DeliveryPages {
    private static final int SHOWN = 200;
    private static final String HERE = "/counter/buu-gui";
    private static final String HELD = "/counter/buu-gui/luu-giu";

    private final DeliveryService deliveries;
    private final DeliveryQueries queries;
    private final DeliveryAttempts attempts;
    private final PickupService pickups;
    private final CourierService couriers;

    public DeliveryPages(
            DeliveryService deliveries,
            DeliveryQueries queries,
            DeliveryAttempts attempts,
            PickupService pickups,
            CourierService couriers) {
        this.deliveries = deliveries;
        this.queries = queries;
        this.attempts = attempts;
        this.pickups = pickups;
        this.couriers = couriers;
    }

    static String slipUrl(String s10) {
        return UriBuilder.fromPath(HERE + "/{s10}/phieu.pdf").build(s10).toString();
    }

    private static String itemUrl(String s10) {
        return UriBuilder.fromPath(HERE + "/{s10}").build(s10).toString();
    }

    @PersonalData("DELIVERY_LIST")
    @GET
    public DeliveriesPage list(@Context ContainerRequestContext request) {
        return listPage(Staff.require(request, Role.COUNTER));
    }

    /** The item has reached this office: held for the applicant, or given to the courier of its commune. */
    @POST
    @Path("den")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response arrival(@Context ContainerRequestContext request, @FormParam("s10") String s10) {
        WebSession clerk = Staff.require(request, Role.COUNTER);
        String typed = s10 == null ? "" : s10.trim().toUpperCase();
        if (typed.isEmpty()) {
            return refused(
                    422,
                    listPage(clerk).scanRefused(typed, "Quét hoặc gõ số hiệu S10 của bưu gửi (VD: EA123456785VN)."));
        }
        try {
            DeliveryView item = deliveries.arrive(clerk.user(), typed);
            return Flash.redirect(HERE, arrived(item));
        } catch (Problem p) {
            if (p.status() == 404) {
                return refused(
                        404,
                        listPage(clerk).scanRefused(typed, "Không có bưu gửi kết quả nào mang số hiệu " + typed + "."));
            }
            return refused(
                    p.status(),
                    listPage(clerk).scanRefused(typed, "Không nhận được bưu gửi " + typed + ": " + p.getMessage()));
        }
    }

    private static String arrived(DeliveryView item) {
        String s10 = item.s10Number();
        if (item.heldUntil() != null) {
            return "Bưu gửi " + s10 + " đã đến; lưu tại bưu cục chờ người nhận đến lấy đến ngày "
                    + Checklist.day(item.heldUntil()) + ".";
        }
        return item.courier() == null
                ? "Bưu gửi " + s10 + " đã đến; chưa có bưu tá phụ trách xã này: hãy chọn bưu tá."
                : "Bưu gửi " + s10 + " đã đến; giao bưu tá " + item.courier() + " (phụ trách xã).";
    }

    /** A courier chosen by hand; refused while the item is out for delivery (it is in a courier's hands). */
    @POST
    @Path("{s10}/giao")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(
            @Context ContainerRequestContext request,
            @PathParam("s10") String s10,
            @FormParam("courier") String courier) {
        WebSession clerk = Staff.require(request, Role.COUNTER);
        try {
            DeliveryView item = deliveries.assign(clerk.user(), s10, courier == null ? "" : courier);
            return Flash.redirect(HERE, "Đã giao bưu gửi " + item.s10Number() + " cho bưu tá " + item.courier() + ".");
        } catch (Problem p) {
            if (p.status() == 403) {
                throw p;
            }
            return refused(
                    p.status(), listPage(clerk).refused("Không giao được bưu gửi " + s10 + ": " + p.getMessage()));
        }
    }

    @PersonalData("DELIVERY_LIST")
    @GET
    @Path("luu-giu")
    public HeldPage held(@Context ContainerRequestContext request) {
        return heldPage(Staff.require(request, Role.COUNTER));
    }

    @PersonalData("DELIVERY")
    @GET
    @Path("{s10}")
    public ItemPage item(@Context ContainerRequestContext request, @PathParam("s10") String s10) {
        WebSession clerk = Staff.require(request, Role.COUNTER);
        return itemPage(clerk, s10, UUID.randomUUID().toString());
    }

    /**
     * The applicant (or their proxy) takes the held item at the counter: the ID shown is checked by
     * the service. The form carries its own attempt id, so sending it twice hands over once.
     */
    @POST
    @Path("{s10}/trao")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response handOver(
            @Context ContainerRequestContext request,
            @PathParam("s10") String s10,
            @FormParam("clientAttemptId") String clientAttemptId,
            @FormParam("recipientName") String recipientName,
            @FormParam("relation") String relation,
            @FormParam("idDocumentType") String idDocumentType,
            @FormParam("idNumber") String idNumber,
            @FormParam("proxyAuthorisation") String proxyAuthorisation) {
        WebSession clerk = Staff.require(request, Role.COUNTER);
        AttemptRequest attempt = new AttemptRequest(
                clientAttemptId,
                "DELIVERED",
                null,
                recipientName,
                relation,
                idDocumentType,
                idNumber == null ? null : idNumber.trim(),
                blankToNull(proxyAuthorisation),
                null,
                null,
                null,
                null,
                null,
                null);
        try {
            attempts.attempt(clerk.user(), s10, Shapes.check(attempt, "the hand-over is required"));
            return Flash.redirect(itemUrl(s10), "Đã trao kết quả cho " + recipientName.strip() + ".");
        } catch (Problem p) {
            if (p.status() == 403) {
                throw p;
            }
            ItemPage page = itemPage(
                            clerk,
                            s10,
                            clientAttemptId == null ? UUID.randomUUID().toString() : clientAttemptId)
                    .handOverRefused(attempt, messages(p));
            return refused(p.status(), page);
        }
    }

    /** Held past its holding time and not collected: back to the agency. */
    @POST
    @Path("{s10}/hoan-tra")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response returnToAgency(
            @Context ContainerRequestContext request, @PathParam("s10") String s10, @FormParam("note") String note) {
        WebSession clerk = Staff.require(request, Role.COUNTER);
        try {
            DeliveryView item = deliveries.returnToAgency(clerk.user(), s10, note);
            return Flash.redirect(HELD, "Đã chuyển bưu gửi " + item.s10Number() + " hoàn trả cơ quan.");
        } catch (Problem p) {
            if (p.status() == 403) {
                throw p;
            }
            return refused(
                    p.status(), heldPage(clerk).refused("Không hoàn trả được bưu gửi " + s10 + ": " + p.getMessage()));
        }
    }

    /** The return slip, opened in the browser ready to print (the collecting office prints it at the agency). */
    @PersonalData("DELIVERY_SLIP")
    @GET
    @Path("{s10}/phieu.pdf")
    @Produces("application/pdf")
    public Response slip(@Context ContainerRequestContext request, @PathParam("s10") String s10) {
        byte[] pdf = pickups.slip(Staff.require(request, Role.COUNTER).user(), s10);
        return Response.ok(pdf, "application/pdf")
                .header(
                        "Content-Disposition",
                        "inline; filename=\"phieu-gui-ket-qua-" + s10.replaceAll("[^A-Za-z0-9]", "") + ".pdf\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    private DeliveriesPage listPage(WebSession clerk) {
        // held items have their own page: asked for by status, so they never push these off the list
        List<ItemLine> items = queries
                .ofOffice(
                        clerk.user(),
                        null,
                        List.of(
                                DossierStatus.RESULT_COLLECTED,
                                DossierStatus.OUT_FOR_DELIVERY,
                                DossierStatus.DELIVERY_FAILED),
                        SHOWN)
                .stream()
                .filter(v -> v.heldUntil() == null)
                .map(v -> ItemLine.of(v, false))
                .toList();
        return new DeliveriesPage(clerk, items, couriers.couriers(clerk.user(), null));
    }

    private HeldPage heldPage(WebSession clerk) {
        return new HeldPage(
                clerk,
                queries.ofOffice(clerk.user(), null, "HELD_AT_OFFICE", SHOWN).stream()
                        .map(v -> ItemLine.of(v, deliveries.mayReturnToday(v.heldUntil())))
                        .toList());
    }

    private ItemPage itemPage(WebSession clerk, String s10, String clientAttemptId) {
        DeliveryView v = queries.view(clerk.user(), s10);
        return new ItemPage(
                clerk,
                ItemLine.of(v, deliveries.mayReturnToday(v.heldUntil())),
                slipUrl(v.s10Number()),
                clientAttemptId);
    }

    /** The service's words per form input (the API's field names); a refusal of the whole request under "form". */
    private static Map<String, List<String>> messages(Problem p) {
        Map<String, List<String>> byInput = new LinkedHashMap<>();
        if (p.problems().isEmpty()) {
            byInput.put("form", List.of(p.getMessage()));
        }
        for (FieldProblem f : p.problems()) {
            byInput.computeIfAbsent(f.field(), k -> new ArrayList<>()).add(f.message());
        }
        return byInput;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Response refused(int status, Object page) {
        return Response.status(status).entity(page).build();
    }
}
