package vn.dossierpost.app;

import com.fasterxml.jackson.annotation.JsonView;
import io.dropwizard.auth.Auth;
import io.dropwizard.core.setup.Environment;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.jaxrs2.ResolvedParameter;
import io.swagger.v3.jaxrs2.ext.AbstractOpenAPIExtension;
import io.swagger.v3.jaxrs2.ext.OpenAPIExtension;
import io.swagger.v3.jaxrs2.ext.OpenAPIExtensions;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dossierpost.resources.OpenApiResource;
import vn.dossierpost.web.ApiDocsPage;

/**
 * The description of the JSON API ({@code /openapi.json}, {@code /openapi.yaml}) and its page
 * ({@code /api-docs}, Swagger UI from its WebJar). The document is generated from the JAX-RS
 * resources as Jersey holds them — every class with an endpoint under {@code /api/}, pages left out
 * — so a new endpoint is described as soon as it is registered; {@link ApiDescription} adds what the
 * code does not say (who may call, the error shape, examples).
 */
public final class ApiDocs {
    private static final Logger LOG = LoggerFactory.getLogger(ApiDocs.class);

    static {
        // The caller (@Auth User) is no request body: who calls is said by the security schemes.
        OpenAPIExtensions.getExtensions().add(0, new AbstractOpenAPIExtension() {
            @Override
            public ResolvedParameter extractParameters(
                    List<Annotation> annotations,
                    Type type,
                    Set<Type> typesToSkip,
                    Components components,
                    Consumes classConsumes,
                    Consumes methodConsumes,
                    boolean includeRequestBody,
                    JsonView jsonViewAnnotation,
                    Iterator<OpenAPIExtension> chain) {
                if (annotations.stream().anyMatch(Auth.class::isInstance)) {
                    return new ResolvedParameter();
                }
                return super.extractParameters(
                        annotations,
                        type,
                        typesToSkip,
                        components,
                        classConsumes,
                        methodConsumes,
                        includeRequestBody,
                        jsonViewAnnotation,
                        chain);
            }
        });
        // Records nested in two views (IntakeRequest.Applicant, DossierView.Applicant) are two schemas.
        ModelConverters.getInstance().addConverter(new ModelResolver(Json.mapper(), new NestedTypeNames()));
    }

    private ApiDocs() {}

    /** Schema names of nested records prefixed with their enclosing type's: IntakeRequestApplicant. */
    private static final class NestedTypeNames extends TypeNameResolver {
        @Override
        protected String getNameOfClass(Class<?> cls) {
            Class<?> outer = cls.getEnclosingClass();
            return outer == null ? super.getNameOfClass(cls) : getNameOfClass(outer) + super.getNameOfClass(cls);
        }
    }

    /**
     * Documents already written, by the resource classes they describe: the document depends on
     * nothing else, so several applications in one JVM (the tests) write it once.
     */
    private static final Map<List<String>, OpenApiResource.Document> WRITTEN = new ConcurrentHashMap<>();

    /** The document is written at the first request for it (a second or two), then kept. */
    public static void register(Environment environment) {
        ResourceConfig jersey = environment.jersey().getResourceConfig();
        Supplier<OpenApiResource.Document> document = () -> WRITTEN.computeIfAbsent(
                resourceClasses(jersey).stream().map(Class::getName).sorted().toList(), names -> {
                    long started = System.nanoTime();
                    OpenApiResource.Document written = write(describe(jersey));
                    LOG.info("API description written in {} ms", (System.nanoTime() - started) / 1_000_000);
                    return written;
                });
        environment.jersey().register(new OpenApiResource(document));
        environment.jersey().register(new ApiDocsPage());
    }

    /** The document of the API resources registered in {@code jersey}. */
    public static OpenAPI describe(ResourceConfig jersey) {
        Map<String, List<Method>> endpoints = new LinkedHashMap<>();
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (Class<?> c : resourceClasses(jersey)) {
            Map<String, List<Method>> own = endpoints(c);
            if (own.keySet().stream().anyMatch(e -> e.contains(" /api/"))) {
                classes.add(c);
                endpoints.putAll(own);
            }
        }
        OpenAPI generated =
                new Reader(new SwaggerConfiguration().openAPI(new OpenAPI()).readAllResources(true)).read(classes);
        generated.getPaths().keySet().removeIf(path -> !path.startsWith("/api/"));
        return new ApiDescription(endpoints).apply(generated);
    }

    private static List<Class<?>> resourceClasses(ResourceConfig jersey) {
        List<Class<?>> classes = new ArrayList<>(jersey.getClasses());
        jersey.getInstances().forEach(i -> classes.add(i.getClass()));
        classes.removeIf(c -> !c.isAnnotationPresent(Path.class));
        return classes;
    }

    /**
     * "METHOD /path" → the Java methods answering it (two where they differ by the body's media
     * type), as Jersey's model of {@code resourceClass} has them.
     */
    static Map<String, List<Method>> endpoints(Class<?> resourceClass) {
        Map<String, List<Method>> found = new LinkedHashMap<>();
        walk(Resource.from(resourceClass), "", found);
        return found;
    }

    private static void walk(Resource resource, String parent, Map<String, List<Method>> found) {
        String path = (parent + "/" + resource.getPath()).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        path = path.replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
        for (ResourceMethod m : resource.getResourceMethods()) {
            found.computeIfAbsent(m.getHttpMethod() + " " + path, k -> new ArrayList<>())
                    .add(m.getInvocable().getDefinitionMethod());
        }
        for (Resource child : resource.getChildResources()) {
            walk(child, path, found);
        }
    }

    private static OpenApiResource.Document write(OpenAPI api) {
        try {
            String json = Json.pretty().writeValueAsString(api);
            String yaml = Yaml.pretty().writeValueAsString(api);
            return new OpenApiResource.Document(json, yaml);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
