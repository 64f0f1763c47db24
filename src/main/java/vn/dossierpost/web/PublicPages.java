package vn.dossierpost.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import vn.dossierpost.http.RateLimiter;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.catalogue.ReferenceDataCache;
import vn.dossierpost.service.dossier.TrackingService;

/**
 * The pages anyone may open, no sign-in: tracking a dossier (the QR code on both slips points here)
 * and the fee board. Tracking shows what {@code GET /api/track} shows — the name masked, no ID
 * number, phone, e-mail or address — under the same rate limit per address.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class PublicPages {
    private final TrackingService tracking;
    private final RateLimiter limiter;
    private final ReferenceDataCache referenceData;

    public PublicPages(TrackingService tracking, RateLimiter limiter, ReferenceDataCache referenceData) {
        this.tracking = tracking;
        this.limiter = limiter;
        this.referenceData = referenceData;
    }

    /** The form; {@code ?ma=} (what the form sends) goes on to the dossier's own address. */
    @GET
    @Path("tra-cuu")
    public Response trackingForm(@QueryParam("ma") String reference) {
        if (reference != null && !reference.isBlank()) {
            return Response.seeOther(UriBuilder.fromPath("/tra-cuu/{ref}").build(reference.trim()))
                    .build();
        }
        return Response.ok(TrackingPage.form(null)).build();
    }

    @GET
    @Path("tra-cuu/{reference}")
    public Response track(@PathParam("reference") String reference, @Context HttpServletRequest request) {
        if (!limiter.tryAcquire(request)) {
            return Response.status(429)
                    .header("Retry-After", limiter.retryAfterSeconds())
                    .entity(new ErrorPage(
                            429,
                            "Xin chờ một chút",
                            "Có quá nhiều lượt tra cứu từ địa chỉ này. Vui lòng thử lại sau "
                                    + limiter.retryAfterSeconds() + " giây.",
                            "/tra-cuu"))
                    .build();
        }
        try {
            return Response.ok(TrackingPage.of(reference, tracking.track(reference)))
                    .header("Cache-Control", "no-store")
                    .build();
        } catch (Problem p) {
            if (p.status() != 404) {
                throw p;
            }
            return Response.status(404)
                    .entity(new ErrorPage(
                            404,
                            "Không tìm thấy hồ sơ",
                            "Không có hồ sơ hay bưu gửi nào mang mã «" + reference.strip()
                                    + "». Mã hồ sơ có dạng 000.00.15.H26-261202-0001, số hiệu bưu gửi có dạng EH123456785VN (in trên "
                                    + "phiếu gửi).",
                            "/tra-cuu"))
                    .build();
        }
    }

    /** {@code ?q=} keeps the procedures whose name or code holds the words typed, with or without diacritics. */
    @GET
    @Path("bang-phi")
    public FeeBoardPage feeBoard(@QueryParam("q") String query) {
        var ref = referenceData.get();
        return new FeeBoardPage(ref.searchProcedures(query), ref.tariff(), query);
    }
}
