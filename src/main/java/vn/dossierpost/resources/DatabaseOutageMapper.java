package vn.dossierpost.resources;

import io.dropwizard.jersey.errors.LoggingExceptionMapper;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dossierpost.api.ErrorResponse;
import vn.dossierpost.service.DatabaseOutage;

/**
 * The last resort for what no other mapper answers. A database that cannot be reached is not the
 * service's fault nor the caller's: 503 naming the database, a Retry-After, and one line in the log
 * (the health checks say more). Each change is one transaction, so nothing of the refused request
 * was kept. Anything else is Dropwizard's 500 with an id to find the logged stack trace by.
 */
public final class DatabaseOutageMapper extends LoggingExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageMapper.class);
    static final int RETRY_AFTER_SECONDS = 30;

    @Override
    public Response toResponse(Throwable failure) {
        Optional<String> down = DatabaseOutage.unreachable(failure);
        if (down.isEmpty()) {
            return super.toResponse(failure);
        }
        LOG.warn("{} cannot be reached; a request was answered 503: {}", down.get(), failure.toString());
        return Response.fromResponse(ErrorMappers.json(
                        503,
                        ErrorResponse.of(
                                503,
                                down.get() + " cannot be reached: nothing was saved or changed. Try again in a"
                                        + " few minutes.")))
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .build();
    }
}
