package vn.dossierpost.auth;

import io.dropwizard.auth.AuthFilter;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import vn.dossierpost.api.ErrorResponse;
import vn.dossierpost.domain.User;

/**
 * HTTP Basic for the API, through the {@link SignInGate} with the caller's address: 401 for wrong
 * credentials, 429 with Retry-After while the username or the address is locked. (Dropwizard's own
 * Basic filter hands the authenticator the credentials alone, without the address.)
 */
public final class BasicAuthFilter extends AuthFilter<BasicAuthFilter.Attempt, User> {

    /** What a Basic header carries, and where it came from. */
    public record Attempt(String username, String password, String client) {}

    @Override
    public void filter(ContainerRequestContext request) {
        Attempt attempt = parse(request.getHeaderString(HttpHeaders.AUTHORIZATION), ClientAddress.of(request));
        if (!authenticate(request, attempt, SecurityContext.BASIC_AUTH)) {
            throw unauthorizedHandler.buildException(prefix, realm);
        }
    }

    /** The credentials of a {@code Basic} header; null when there is none or it cannot be read. */
    static Attempt parse(String header, String client) {
        if (header == null) {
            return null;
        }
        int space = header.indexOf(' ');
        if (space <= 0 || !header.substring(0, space).equalsIgnoreCase("Basic")) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(header.substring(space + 1).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new Attempt(decoded.substring(0, colon), decoded.substring(colon + 1), client);
    }

    /** The gate's answer as the filter needs it: the user, nobody (401), or an exception carrying the 429. */
    public static Optional<User> authenticate(SignInGate gate, Attempt attempt) {
        SignInGate.Answer answer = gate.check(attempt.username(), attempt.password(), attempt.client(), true);
        if (answer instanceof SignInGate.Answer.Admitted admitted) {
            return Optional.of(admitted.user());
        }
        if (answer instanceof SignInGate.Answer.Locked locked) {
            long wait = locked.retryAfterSeconds();
            throw new WebApplicationException(Response.status(Response.Status.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, wait)
                    .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .entity(ErrorResponse.of(
                            429,
                            "too many wrong passwords for this username or from this address; try again in " + wait
                                    + " seconds"))
                    .build());
        }
        return Optional.empty();
    }

    public static final class Builder extends AuthFilterBuilder<Attempt, User, BasicAuthFilter> {
        @Override
        protected BasicAuthFilter newInstance() {
            return new BasicAuthFilter();
        }
    }
}
