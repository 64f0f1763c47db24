package vn.dossierpost.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.security.Principal;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.audit.AccessLog;
import vn.dossierpost.service.audit.PersonalDataRead;

/**
 * Records every successful call of a {@link PersonalData} method in the access log: the caller
 * (Basic or bearer on the API, the web session on the pages — both put the user in the security
 * context), what was read and from which address. Refused and failed calls read nothing, so they
 * are not recorded; the row is written before the answer's body leaves.
 */
public final class AccessLogFilter implements ContainerResponseFilter {
    private final AccessLog log;

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private HttpServletRequest servletRequest;

    public AccessLogFilter(AccessLog log) {
        this.log = log;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Method method = resourceInfo.getResourceMethod();
        PersonalData marked = method == null ? null : method.getAnnotation(PersonalData.class);
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (marked == null
                || !(principal instanceof User reader)
                || response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
            return;
        }
        MultivaluedMap<String, String> params = request.getUriInfo().getPathParameters();
        String reference = first(params, "fileId", "no", "id", "booking");
        if (reference == null && marked.value().endsWith("LIST")) {
            reference = request.getUriInfo().getRequestUri().getRawQuery();
        }
        log.record(new PersonalDataRead(
                reader,
                marked.value(),
                params.getFirst("code"),
                params.getFirst("s10"),
                reference,
                request.getMethod(),
                request.getUriInfo().getRequestUri().getRawPath(),
                servletRequest.getRemoteAddr()));
    }

    private static String first(MultivaluedMap<String, String> params, String... names) {
        for (String name : names) {
            if (params.getFirst(name) != null) {
                return params.getFirst(name);
            }
        }
        return null;
    }
}
