package vn.dossierpost.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.dossierpost.api.PaymentRequest;
import vn.dossierpost.api.PaymentView;
import vn.dossierpost.api.RefundRequest;
import vn.dossierpost.domain.User;
import vn.dossierpost.http.PersonalData;
import vn.dossierpost.service.payment.PaymentService;
import vn.dossierpost.service.payment.Receipts;

/** The money of a dossier: what is due and how it was paid, its VietQR code, receipt and refund. */
@Path("/api/dossiers/{code}/payment")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class PaymentResource {
    private final PaymentService payments;
    private final Receipts receipts;

    public PaymentResource(PaymentService payments, Receipts receipts) {
        this.payments = payments;
        this.receipts = receipts;
    }

    @GET
    @RolesAllowed({"COUNTER", "SUPERVISOR", "ADMIN"})
    public PaymentView get(@Auth User user, @PathParam("code") String code) {
        return payments.view(user, code);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"COUNTER", "SUPERVISOR"})
    public PaymentView confirm(@Auth User user, @PathParam("code") String code, PaymentRequest request) {
        return payments.confirm(user, code, request);
    }

    @GET
    @Path("/qr.png")
    @Produces("image/png")
    @RolesAllowed({"COUNTER", "SUPERVISOR", "ADMIN"})
    public Response qr(@Auth User user, @PathParam("code") String code) {
        return Response.ok(payments.qrPng(user, code), "image/png")
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("/refund")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"COUNTER", "SUPERVISOR"})
    public PaymentView refund(@Auth User user, @PathParam("code") String code, RefundRequest request) {
        return payments.refund(user, code, request == null ? null : request.reason());
    }

    @PersonalData("RECEIPT")
    @GET
    @Path("/receipt.pdf")
    @Produces("application/pdf")
    @RolesAllowed({"COUNTER", "SUPERVISOR", "ADMIN"})
    public Response receipt(@Auth User user, @PathParam("code") String code) {
        return PdfResponse.of(receipts.receiptPdf(user, code), "bien-lai-" + code + ".pdf");
    }

    @PersonalData("RECEIPT")
    @GET
    @Path("/refund.pdf")
    @Produces("application/pdf")
    @RolesAllowed({"COUNTER", "SUPERVISOR", "ADMIN"})
    public Response refundDocument(@Auth User user, @PathParam("code") String code) {
        return PdfResponse.of(receipts.refundPdf(user, code), "hoan-tien-" + code + ".pdf");
    }
}
