package vn.dossierpost.resources;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * {@code /openapi.json} and {@code /openapi.yaml}: the description of the JSON API, for anyone (an
 * integrator generates a client from it; the page {@code /api-docs} shows it), and
 * {@code /openapi-agency.yaml}, the agency's side of the handover.
 */
@Hidden
@Path("/")
public class OpenApiResource {
    /** The document in one of its two forms. */
    public record Document(String json, String yaml) {}

    private final Supplier<Document> document;

    public OpenApiResource(Supplier<Document> document) {
        this.document = document;
    }

    @GET
    @Path("openapi.json")
    @Produces("application/json;charset=UTF-8")
    public String json() {
        return document.get().json();
    }

    @GET
    @Path("openapi.yaml")
    @Produces("application/yaml;charset=UTF-8")
    public String yaml() {
        return document.get().yaml();
    }

    /** What an agency implements to receive dossiers over HTTP: docs/openapi-agency.yaml as it is in the jar. */
    @GET
    @Path("openapi-agency.yaml")
    @Produces("application/yaml;charset=UTF-8")
    public InputStream agency() {
        return OpenApiResource.class.getResourceAsStream("/openapi/openapi-agency.yaml");
    }
}
