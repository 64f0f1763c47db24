package vn.dossierpost.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.notify.Ratings;

/**
 * {@code /danh-gia/{token}}: the applicant rates the service from the link in the delivery message,
 * without signing in. The token in the path is the only key (no session, so no CSRF token: a forged
 * request would need the token itself); an unknown one is the 404 page.
 */
@Path("/danh-gia/{token}")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class RatingPages {
    private final Ratings ratings;

    public RatingPages(Ratings ratings) {
        this.ratings = ratings;
    }

    @GET
    public Response form(@PathParam("token") String token) {
        return Response.ok(RatingPage.form(token, ratings.invitation(token)))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rate(
            @PathParam("token") String token, @FormParam("score") String score, @FormParam("comment") String comment) {
        Ratings.Invitation invitation = ratings.invitation(token);
        try {
            ratings.rate(token, score, comment);
            return Response.ok(RatingPage.thanks(token, ratings.invitation(token)))
                    .build();
        } catch (Problem p) {
            if (p.status() == 422) {
                String why = p.problems().stream().anyMatch(f -> "comment".equals(f.field()))
                        ? "Nhận xét dài quá: xin viết ngắn hơn 1.000 ký tự."
                        : "Xin chọn số sao, từ 1 đến 5.";
                return Response.status(422)
                        .entity(RatingPage.refused(token, invitation, score, comment, why))
                        .build();
            }
            if (p.status() == 409) {
                return Response.status(409)
                        .entity(RatingPage.form(token, invitation))
                        .build();
            }
            throw p;
        }
    }
}
