package vn.dossierpost.resources;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import vn.dossierpost.api.BankCallbackAnswer;
import vn.dossierpost.service.payment.BankCallbacks;

/**
 * The receiving bank's notice of a VietQR transfer. No user signs in: the body's HMAC signature in
 * {@code X-Bank-Signature} proves the bank sent it, so the raw bytes are read as they were signed.
 */
@Path("/api/payments/callback")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class BankCallbackResource {
    static final String SIGNATURE = "X-Bank-Signature";

    private final BankCallbacks callbacks;

    public BankCallbackResource(BankCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public BankCallbackAnswer callback(@HeaderParam(SIGNATURE) String signature, byte[] body) {
        return callbacks.receive(body, signature);
    }
}
