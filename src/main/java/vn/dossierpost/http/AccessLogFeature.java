package vn.dossierpost.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
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
public final class AccessLogFeature implements DynamicFeature {
    private final AccessLog log;

    public AccessLogFeature(AccessLog log) {
        this.log = log;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        PersonalData marked = resourceInfo.getResourceMethod().getAnnotation(PersonalData.class);
        if (marked != null) {
            context.register(new Recorder(log, marked.value()));
        }
    }

    /** The filter of one marked method. */
    static final class Recorder implements ContainerResponseFilter {
        private final AccessLog log;
        private final String kind;

        @Context
        private HttpServletRequest servletRequest;

        Recorder(AccessLog log, String kind) {
            this.log = log;
            this.kind = kind;
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            Principal principal = request.getSecurityContext().getUserPrincipal();
            if (!(principal instanceof User reader)
                    || response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
                return;
            }
            MultivaluedMap<String, String> params = request.getUriInfo().getPathParameters();
            String reference = first(params, "fileId", "no", "id");
            if (reference == null && kind.endsWith("LIST")) {
                reference = request.getUriInfo().getRequestUri().getRawQuery();
            }
            log.record(new PersonalDataRead(
                    reader,
                    kind,
                    params.getFirst("code"),
                    params.getFirst("s10"),
                    reference,
                    request.getMethod(),
                    request.getUriInfo().getRequestUri().getRawPath(),
                    servletRequest == null ? null : servletRequest.getRemoteAddr()));
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
}
