package vn.dossierpost.web.counter;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import vn.dossierpost.domain.Role;
import vn.dossierpost.http.PersonalData;
import vn.dossierpost.service.payment.PaymentService;
import vn.dossierpost.service.payment.Receipts;
import vn.dossierpost.web.Staff;

/**
 * What the dossier page shows of its money with the clerk's session: the VietQR code the applicant
 * scans from the counter's screen, and the receipt and the refund document to print.
 */
@Path("/counter/ho-so/{code}/thanh-toan")
public class PaymentPages {
    private final PaymentService payments;
    private final Receipts receipts;

    public PaymentPages(PaymentService payments, Receipts receipts) {
        this.payments = payments;
        this.receipts = receipts;
    }

    @GET
    @Path("vietqr.png")
    @Produces("image/png")
    public Response vietQr(@Context ContainerRequestContext request, @PathParam("code") String code) {
        byte[] png = payments.qrPng(Staff.require(request, Role.COUNTER).user(), code);
        return Response.ok(png, "image/png").header("Cache-Control", "no-store").build();
    }

    @PersonalData("RECEIPT")
    @GET
    @Path("bien-lai.pdf")
    @Produces("application/pdf")
    public Response receipt(@Context ContainerRequestContext request, @PathParam("code") String code) {
        return pdf(receipts.receiptPdf(Staff.require(request, Role.COUNTER).user(), code), "bien-lai-", code);
    }

    @PersonalData("RECEIPT")
    @GET
    @Path("phieu-hoan-tien.pdf")
    @Produces("application/pdf")
    public Response refund(@Context ContainerRequestContext request, @PathParam("code") String code) {
        return pdf(receipts.refundPdf(Staff.require(request, Role.COUNTER).user(), code), "hoan-tien-", code);
    }

    private static Response pdf(byte[] pdf, String prefix, String code) {
        return Response.ok(pdf, "application/pdf")
                .header(
                        "Content-Disposition",
                        "inline; filename=\"" + prefix + code.replaceAll("[^A-Za-z0-9.-]", "") + ".pdf\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
