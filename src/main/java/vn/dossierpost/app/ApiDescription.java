package vn.dossierpost.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.dossierpost.api.ErrorResponse;

/**
 * What the generated description of the API cannot learn from the resources' signatures, added in
 * one place so the resources keep their annotations for JAX-RS: who may call each operation (from
 * its {@code @RolesAllowed}, with the Basic and bearer schemes), the error shape every refusal has,
 * the success status of a method that returns an object (200, or 204 for none), scans sent as
 * multipart, tags per resource, readable operation ids, and the request examples of
 * {@code openapi/examples.yaml} — in Vietnamese, each with the status the service answers it
 * ({@code x-expected-status}, which the contract test checks against the running service).
 */
final class ApiDescription {
    /** The extension naming the status an example request is answered with. */
    static final String EXPECTED_STATUS = "x-expected-status";

    private static final String ERROR = "#/components/responses/Error";
    private static final String JSON = "application/json";
    private static final Set<String> TRANSPORT_HEADERS = Set.of("Content-Type", "Content-Length", "Expect");
    private static final Map<String, String> STATUS_TEXT = Map.of(
            "401", "Chưa đăng nhập, hoặc sai mật khẩu / token (no or wrong credentials)",
            "403", "Vai trò hoặc phạm vi không được phép (role or scope not allowed)",
            "404", "Không tìm thấy, hoặc không thuộc phạm vi của người gọi (not found)",
            "409", "Trạng thái hiện tại không cho phép (conflict with the current status)",
            "422", "Dữ liệu không hợp lệ: field / errors nêu từng trường và giá trị mong đợi (invalid field)");

    /** Tags of the resources the API is known by; another resource gets its class name. */
    private static final Map<String, String> TAGS = Map.ofEntries(
            Map.entry("DossierResource", "Hồ sơ (dossiers)"),
            Map.entry("UploadResource", "Hồ sơ (dossiers)"),
            Map.entry("FileResource", "Hồ sơ (dossiers)"),
            Map.entry("SupplementResource", "Hồ sơ (dossiers)"),
            Map.entry("NotificationResource", "Hồ sơ (dossiers)"),
            Map.entry("PaymentResource", "Thanh toán (payments)"),
            Map.entry("BankCallbackResource", "Thanh toán (payments)"),
            Map.entry("CounterDayResource", "Thanh toán (payments)"),
            Map.entry("RemittanceResource", "Thanh toán (payments)"),
            Map.entry("AgencyEventResource", "Cơ quan gửi sự kiện (agency events)"),
            Map.entry("HandoverResource", "Bàn giao (handovers)"),
            Map.entry("GivenUpResource", "Bàn giao (handovers)"),
            Map.entry("DeliveryResource", "Phát kết quả (deliveries)"),
            Map.entry("CourierResource", "Phát kết quả (deliveries)"),
            Map.entry("CouriersResource", "Phát kết quả (deliveries)"),
            Map.entry("PickupResource", "Phát kết quả (deliveries)"),
            Map.entry("CollectionResource", "Phát kết quả (deliveries)"),
            Map.entry("TrackingResource", "Tra cứu công khai (public tracking)"),
            Map.entry("CommuneResource", "Danh mục (catalogue)"),
            Map.entry("CatalogueResource", "Danh mục (catalogue)"),
            Map.entry("CalendarResource", "Danh mục (catalogue)"),
            Map.entry("AgencyResource", "Cơ quan và kênh (agencies)"),
            Map.entry("ReportResource", "Báo cáo (reports)"),
            Map.entry("UserResource", "Quản trị (administration)"),
            Map.entry("AccessLogResource", "Quản trị (administration)"));

    private final Map<String, List<Method>> endpoints;
    private final Map<String, JsonNode> extras;
    private final Map<String, Tag> tags = new TreeMap<>();
    private Components components;

    /** {@code endpoints}: "METHOD /path" → the Java methods answering it. */
    ApiDescription(Map<String, List<Method>> endpoints) {
        this.endpoints = endpoints;
        this.extras = examples();
    }

    OpenAPI apply(OpenAPI api) {
        api.info(new Info()
                        .title("dossierpost — API hồ sơ hành chính qua bưu điện")
                        .version(version())
                        .description("""
                                API JSON của dịch vụ bưu điện tiếp nhận hồ sơ thủ tục hành chính và trả kết quả \
                                (QĐ 45/2016/QĐ-TTg). JSON UTF-8, thời điểm ISO-8601 có múi giờ, ngày `YYYY-MM-DD`. \
                                Mọi lỗi là `ErrorResponse`: `message` cho người dùng, `field` / `errors` chỉ trường sai.

                                The JSON API of the post's front office for administrative dossiers. Staff sign in \
                                with HTTP Basic, agency systems with a bearer token (`user add … --token`); pages \
                                of the service call it with their session cookie and the `X-CSRF-Token` header. \
                                What an agency implements to receive dossiers is `docs/openapi-agency.yaml`."""))
                .servers(List.of(new Server().url("/").description("Máy chủ này (this server)")));
        components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components);
        securitySchemes();
        errors();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> describe(method.name() + " " + path, operation)));
        api.setTags(new ArrayList<>(tags.values()));
        return api;
    }

    private void securitySchemes() {
        components.addSecuritySchemes(
                "basic",
                new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description("Nhân viên: tên đăng nhập và mật khẩu (staff: username and password)"));
        components.addSecuritySchemes(
                "bearer",
                new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("Hệ thống của cơ quan: token cấp bằng `user add … --token` (agency systems)"));
    }

    private void errors() {
        ModelConverters.getInstance().readAll(ErrorResponse.class).forEach(components::addSchemas);
        components.addResponses(
                "Error",
                new ApiResponse()
                        .description("Lỗi (an error): 4xx do yêu cầu, 5xx do dịch vụ")
                        .content(errorContent()));
    }

    private static Content errorContent() {
        return new Content()
                .addMediaType(JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/ErrorResponse")));
    }

    private void describe(String endpoint, Operation operation) {
        List<Method> methods = endpoints.get(endpoint);
        if (methods == null) {
            return; // a path Swagger spells otherwise than Jersey: the contract test names it
        }
        Method method = methods.get(0);
        Class<?> resource = method.getDeclaringClass();
        String tag = TAGS.getOrDefault(
                resource.getSimpleName(), resource.getSimpleName().replace("Resource", ""));
        tags.putIfAbsent(tag, new Tag().name(tag));
        operation.setTags(List.of(tag));
        operation.setOperationId(
                lowerFirst(resource.getSimpleName().replace("Resource", "")) + upperFirst(method.getName()));
        if (operation.getParameters() != null) {
            operation
                    .getParameters()
                    .removeIf(p -> "header".equals(p.getIn()) && TRANSPORT_HEADERS.contains(p.getName()));
        }
        success(operation, method);
        bodies(operation, methods);
        security(operation, method);
        JsonNode extra = extras.get(endpoint);
        if (extra != null) {
            examples(operation, extra);
        }
        operation.getResponses().addApiResponse("default", new ApiResponse().$ref(ERROR));
        operation.getResponses().values().forEach(ApiDescription::plainMediaTypes);
    }

    /**
     * {@code application/json} rather than the {@code ;charset=UTF-8} of {@code @Produces} (every
     * answer is UTF-8, said once above), and a file (PDF, PNG, CSV) as binary.
     */
    private static void plainMediaTypes(ApiResponse response) {
        if (response.getContent() == null) {
            return;
        }
        Content plain = new Content();
        response.getContent().forEach((type, media) -> {
            String bare = type.replaceAll("\\s*;.*", "");
            if (media.getSchema() == null && !bare.equals(JSON)) {
                media.setSchema(new BinarySchema());
            }
            plain.addMediaType(bare, media);
        });
        response.setContent(plain);
    }

    /** Swagger puts an object's schema under "default": it is the 200 (204 for a method answering nothing). */
    private static void success(Operation operation, Method method) {
        ApiResponses responses = operation.getResponses();
        boolean documented = responses.keySet().stream().anyMatch(code -> code.startsWith("2"));
        ApiResponse generated = responses.remove("default");
        if (documented) {
            return;
        }
        if (method.getReturnType() == void.class) {
            responses.addApiResponse("204", new ApiResponse().description("Xong (done)"));
        } else {
            responses.addApiResponse(
                    "200", (generated == null ? new ApiResponse() : generated).description("Thành công (success)"));
        }
    }

    /**
     * A scan is the raw multipart stream (an {@code InputStream} parameter); a second method on the
     * same endpoint with another media type (JSON beside multipart) adds its body.
     */
    private void bodies(Operation operation, List<Method> methods) {
        for (Method method : methods) {
            Consumes consumes = method.getAnnotation(Consumes.class);
            String mediaType = consumes == null ? null : consumes.value()[0];
            Parameter body = Arrays.stream(method.getParameters())
                    .filter(p -> Arrays.stream(p.getAnnotations())
                            .allMatch(a -> a.annotationType().getPackageName().startsWith("jakarta.validation")))
                    .findFirst()
                    .orElse(null);
            if (body == null) {
                continue;
            }
            RequestBody request = operation.getRequestBody() == null ? new RequestBody() : operation.getRequestBody();
            operation.setRequestBody(request);
            if (request.getContent() == null) {
                request.setContent(new Content());
            }
            if (body.getType() == InputStream.class) {
                request.getContent().remove("*/*");
                request.getContent()
                        .addMediaType(
                                "multipart/form-data",
                                new MediaType()
                                        .schema(new ObjectSchema()
                                                .addProperty("file", new ArraySchema().items(new BinarySchema()))));
                request.description("Tệp quét (PDF, JPEG, PNG, TIFF), mỗi phần một tệp (one part per file)");
            } else if (mediaType == null && request.getContent().containsKey("*/*")) {
                // no @Consumes: Jersey reads the body with Jackson, so it is JSON
                request.getContent().addMediaType(JSON, request.getContent().remove("*/*"));
            } else if (mediaType != null && !request.getContent().containsKey(mediaType)) {
                ResolvedSchema resolved = ModelConverters.getInstance().readAllAsResolvedSchema(body.getType());
                resolved.referencedSchemas.forEach(components::addSchemas);
                request.getContent()
                        .addMediaType(
                                mediaType,
                                new MediaType()
                                        .schema(new Schema<>()
                                                .$ref("#/components/schemas/" + resolved.schema.getName())));
            }
        }
    }

    /** Who may call, from {@code @RolesAllowed} (the method's, else its class's); none is public. */
    private static void security(Operation operation, Method method) {
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null && !method.isAnnotationPresent(PermitAll.class)) {
            roles = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        }
        if (roles == null) {
            operation.setSecurity(List.of());
            operation.setDescription(join(operation.getDescription(), "Công khai, không cần đăng nhập (public)."));
            return;
        }
        operation.setSecurity(
                List.of(new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("bearer")));
        operation.setDescription(
                join(operation.getDescription(), "Vai trò (roles): " + String.join(", ", roles.value()) + "."));
        operation.getResponses().addApiResponse("401", errorResponse("401"));
        operation.getResponses().addApiResponse("403", errorResponse("403"));
    }

    private static ApiResponse errorResponse(String status) {
        return new ApiResponse().description(STATUS_TEXT.get(status)).content(errorContent());
    }

    /** The summary and the request examples of {@code openapi/examples.yaml}, with their statuses. */
    private static void examples(Operation operation, JsonNode extra) {
        if (extra.hasNonNull("summary")) {
            operation.setSummary(extra.get("summary").asText());
        }
        MediaType json = operation.getRequestBody() == null
                ? null
                : operation.getRequestBody().getContent().get(JSON);
        extra.path("examples").fields().forEachRemaining(e -> {
            JsonNode example = e.getValue();
            String status = example.get("status").asText();
            Example value = new Example()
                    .summary(example.get("summary").asText())
                    .description(example.path("description").asText(null))
                    .value(example.get("value"));
            value.addExtension(EXPECTED_STATUS, Integer.valueOf(status));
            json.addExamples(e.getKey(), value);
            if (!operation.getResponses().containsKey(status)) {
                operation.getResponses().addApiResponse(status, errorResponse(status));
            }
        });
    }

    private static Map<String, JsonNode> examples() {
        try (InputStream in = ApiDescription.class.getResourceAsStream("/openapi/examples.yaml")) {
            Map<String, JsonNode> byEndpoint = new TreeMap<>();
            new ObjectMapper(new YAMLFactory())
                    .readTree(in)
                    .fields()
                    .forEachRemaining(e -> byEndpoint.put(e.getKey(), e.getValue()));
            return byEndpoint;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version() {
        String v = ApiDescription.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    private static String join(String first, String second) {
        return first == null || first.isBlank() ? second : first + "\n\n" + second;
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String upperFirst(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
