package vn.dossierpost.agencysim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agency's side of the contract as published, {@code docs/openapi-agency.yaml} (in the jar as
 * {@code /openapi/openapi-agency.yaml}): what the simulator receives is checked against its schemas
 * (JSON Schema 2020-12, as OpenAPI 3.1 has them), as an agency generating its server from the
 * document would. A manifest the document does not allow is refused (400) naming each field.
 */
final class AgencyContract {
    static final String DOSSIER_MANIFEST = "DossierManifest";
    static final String DROP_MANIFEST = "DropManifest";
    static final String NOTICE = "Notice";
    static final String PROBE = "Probe";

    private static final String DOCUMENT = "/openapi/openapi-agency.yaml";
    private static final AgencyContract PUBLISHED = new AgencyContract(load());

    private final JsonNode schemas;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private AgencyContract(JsonNode document) {
        this.schemas = document.path("components").path("schemas");
        if (!schemas.isObject() || !schemas.has(DOSSIER_MANIFEST)) {
            throw new IllegalStateException(DOCUMENT + " has no components.schemas." + DOSSIER_MANIFEST);
        }
    }

    static AgencyContract published() {
        return PUBLISHED;
    }

    /** The ways {@code value} differs from the schema {@code name}, each prefixed with {@code where}. */
    List<String> problems(String name, JsonNode value, String where) {
        List<Error> errors = compiled.computeIfAbsent(name, this::compile).validate(value);
        return errors.stream()
                .map(e -> where + e.getInstanceLocation().toString().replaceFirst("^\\$", "") + ": "
                        + e.getMessage() + " (" + DOCUMENT.substring(DOCUMENT.lastIndexOf('/') + 1) + ", " + name
                        + ")")
                .toList();
    }

    /** Refuses {@code value} unless it follows the schema {@code name}. */
    void check(String name, JsonNode value, String where) throws Rejection {
        List<String> problems = problems(name, value, where);
        if (!problems.isEmpty()) {
            throw new Rejection(problems);
        }
    }

    /** The schema with the document's other schemas beside it, so its {@code $ref}s resolve. */
    private Schema compile(String name) {
        if (!schemas.has(name)) {
            throw new IllegalArgumentException("no schema " + name + " in " + DOCUMENT);
        }
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/schemas/" + name);
        root.putObject("components").set("schemas", schemas);
        return registry.getSchema(root);
    }

    private static JsonNode load() {
        try (InputStream in = AgencyContract.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not on the class path");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
