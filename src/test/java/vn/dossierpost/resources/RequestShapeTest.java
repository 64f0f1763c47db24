package vn.dossierpost.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.dossierpost.auth.RoleAuthorizer;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.catalogue.CalendarService;
import vn.dossierpost.service.returnleg.PickupService;

/**
 * The 422 of a request body without the shape its record declares, from the resources alone: no
 * database, no Camel. The services are built on nothing, since a body that fails its checks never
 * reaches them; callers are who the bearer token names (its role).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RequestShapeTest {
    static final ResourceExtension RESOURCES = resources();

    private static ResourceExtension resources() {
        ResourceExtension.Builder builder = ResourceExtension.builder()
                .setRegisterDefaultExceptionMappers(false)
                .addProvider(new AuthDynamicFeature(new OAuthCredentialAuthFilter.Builder<User>()
                        .setAuthenticator(role ->
                                Optional.of(new User(role.toLowerCase(), Role.valueOf(role), "100000", null, null)))
                        .setAuthorizer(new RoleAuthorizer())
                        .setPrefix("Bearer")
                        .buildAuthFilter()))
                .addProvider(RolesAllowedDynamicFeature.class)
                .addProvider(new AuthValueFactoryProvider.Binder<>(User.class))
                .addResource(
                        new CollectionResource(new PickupService(null, null, null, null, null, null, null, null, null)))
                .addResource(new DeliveryResource(null, null, null, null))
                .addResource(new CalendarResource(new CalendarService(null, null)));
        ErrorMappers.all().forEach(builder::addProvider);
        return builder.build();
    }

    @Test
    void everyProblemOfACollectionIsNamedByItsPathAtOnce() {
        List<Map<String, Object>> items = new ArrayList<>(List.of(
                Map.of("kind", "RESULT", "copies", 1),
                Map.of("name", "Quyết định cấp phép", "kind", "COPY", "copies", 1),
                Map.of("name", "Bản chính giấy khai sinh", "kind", "ORIGINAL_RETURNED", "copies", 101)));
        items.add(null);
        Map<String, Object> body = new HashMap<>();
        body.put("items", items);
        Map<String, Object> answer = answer(post("COUNTER", "/api/dossiers/X/collection", body), 422);
        assertThat(fields(answer)).containsExactly("items[0].name", "items[1].kind", "items[2].copies", "items[3]");
        assertThat(answer).containsEntry("code", 422).containsEntry("field", "items[0].name");
        assertThat((String) answer.get("message"))
                .isEqualTo(
                        "4 problems; first items[0].name: is required: what the document is, at most 300 characters");
        assertThat(messages(answer))
                .containsEntry("items[1].kind", "must be RESULT or ORIGINAL_RETURNED")
                .containsEntry("items[2].copies", "must be between 1 and 100");
    }

    @Test
    void aCourierUpdateNamesEveryWrongFieldInDeclarationOrder() {
        Map<String, Object> answer = answer(
                post(
                        "COURIER",
                        "/api/deliveries/EH000000001VN/attempts",
                        Map.of("outcome", "FLEW", "latitude", 91.5, "longitude", -180.5, "clientAttemptId", " ")),
                422);
        assertThat(fields(answer)).containsExactly("clientAttemptId", "outcome", "latitude", "longitude");
        assertThat(messages(answer))
                .containsEntry("outcome", "must be OUT_FOR_DELIVERY, DELIVERED or FAILED")
                .containsEntry("latitude", "must be between -90 and 90");
    }

    @Test
    void aMissingBodyNamesTheBody() {
        for (String empty : List.of("", "null")) {
            Response res = RESOURCES
                    .target("/api/deliveries/EH000000001VN/attempts")
                    .request()
                    .header("Authorization", "Bearer COURIER")
                    .post(Entity.entity(empty, MediaType.APPLICATION_JSON_TYPE));
            Map<String, Object> answer = answer(res, 422);
            assertThat(answer).as(empty).containsEntry("field", "body");
            assertThat(messages(answer)).containsEntry("body", "an attempt (JSON object) is required");
        }
    }

    @Test
    void nestedListsAndBracesInMessagesComeOutAsWritten() {
        Map<String, Object> answer = answer(
                put(
                        "ADMIN",
                        "/api/calendar/2027",
                        Map.of(
                                "days",
                                Arrays.asList(
                                        Map.of("kind", "HOLIDAY", "name", "Tết"),
                                        Map.of("date", "2027-01-02", "kind", "HOLIDAY", "name", " "),
                                        null))),
                422);
        assertThat(fields(answer)).containsExactly("days[0].date", "days[1].name", "days[2]");
        assertThat(messages(answer)).containsEntry("days[2]", "is required: {date, kind, name}");
        Map<String, Object> none = answer(put("ADMIN", "/api/calendar/2027", Map.of()), 422);
        assertThat(messages(none))
                .containsEntry(
                        "days",
                        "is required: the list of {date, kind, name} (kind HOLIDAY, DAY_OFF or " + "WORKING_DAY)");
    }

    @Test
    void whoMayCallIsDecidedBeforeTheShape() {
        assertThat(post("COURIER", "/api/dossiers/X/collection", Map.of()).getStatus())
                .isEqualTo(403);
        Response anonymous =
                RESOURCES.target("/api/dossiers/X/collection").request().post(Entity.json(Map.of()));
        assertThat(anonymous.getStatus()).isEqualTo(401);
    }

    @Test
    void aValueOfTheWrongTypeIsStillNamedByJackson() {
        Map<String, Object> answer = answer(
                post(
                        "COUNTER",
                        "/api/dossiers/X/collection",
                        Map.of("items", List.of(Map.of("name", "Quyết định", "kind", "RESULT", "copies", "hai")))),
                422);
        assertThat(answer).containsEntry("field", "items[0].copies");
    }

    private static Response post(String role, String path, Object body) {
        return RESOURCES
                .target(path)
                .request()
                .header("Authorization", "Bearer " + role)
                .post(Entity.json(body));
    }

    private static Response put(String role, String path, Object body) {
        return RESOURCES
                .target(path)
                .request()
                .header("Authorization", "Bearer " + role)
                .put(Entity.json(body));
    }

    private static Map<String, Object> answer(Response res, int status) {
        Map<String, Object> body = res.readEntity(new GenericType<>() {});
        assertThat(res.getStatus()).as("%s", body).isEqualTo(status);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Map<String, Object> answer) {
        return ((List<Map<String, Object>>) answer.get("errors"))
                .stream().map(e -> (String) e.get("field")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> messages(Map<String, Object> answer) {
        Map<String, String> messages = new HashMap<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) answer.get("errors")) {
            messages.put((String) e.get("field"), (String) e.get("message"));
        }
        return messages;
    }
}
