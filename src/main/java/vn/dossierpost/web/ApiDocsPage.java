package vn.dossierpost.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api-docs}: the JSON API described ({@code /openapi.json}) in Swagger UI, for staff and
 * the developers of agencies and other clients. Public, as the description is: it holds no data.
 */
@Hidden
@Path("/api-docs")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ApiDocsPage {
    @GET
    public Page page() {
        return new Page("public/api-docs.ftlh", "Mô tả API");
    }
}
