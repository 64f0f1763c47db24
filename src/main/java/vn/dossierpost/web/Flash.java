package vn.dossierpost.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A one-line message carried across a redirect ("Đã tiếp nhận hồ sơ …"): {@link #redirect} puts it in
 * a short-lived cookie, and the next page the browser gets shows it once in the layout and clears it.
 */
public final class Flash implements ContainerResponseFilter {
    static final String COOKIE = "dossierpost_flash";
    private static final int SECONDS = 60;

    /** A 303 to {@code location} that shows {@code message} on the page it leads to. */
    public static Response redirect(String location, String message) {
        return Response.seeOther(URI.create(location))
                .cookie(cookie(URLEncoder.encode(message, StandardCharsets.UTF_8), SECONDS))
                .build();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Cookie flash = request.getCookies().get(COOKIE);
        if (flash == null || !(response.getEntity() instanceof Page page)) {
            return;
        }
        page.flash(URLDecoder.decode(flash.getValue(), StandardCharsets.UTF_8));
        response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie("", 0));
    }

    private static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE)
                .value(value)
                .path("/")
                .maxAge(maxAge)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }
}
