package org.datafirst.catalogue.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * openapi/catalogue-api.yaml is the published contract: it must equal what the service serves,
 * and every operation, parameter and schema must be described with examples.
 * Run with UPDATE_OPENAPI=true to rewrite the file after an intended API change.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path CONTRACT = Path.of("openapi/catalogue-api.yaml");

    @Test
    void publishedContractEqualsWhatTheServiceServes() throws IOException {
        String served = given().queryParam("format", "yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        if ("true".equalsIgnoreCase(System.getenv("UPDATE_OPENAPI"))) {
            Files.createDirectories(CONTRACT.getParent());
            Files.writeString(CONTRACT, served);
        }
        assertThat(CONTRACT)
                .as("the checked-in contract; regenerate with UPDATE_OPENAPI=true ./mvnw verify")
                .exists();
        if (!Files.readString(CONTRACT).equals(served)) {
            Path actual = Path.of("target/openapi-served.yaml");
            Files.writeString(actual, served);
            assertThat(Files.readString(CONTRACT))
                    .as(
                            "%s differs from /q/openapi (served copy in %s); if the change is intended, run "
                                    + "UPDATE_OPENAPI=true ./mvnw verify and commit the file",
                            CONTRACT, actual)
                    .isEqualTo(served);
        }
    }

    @Test
    void everyOperationParameterAndSchemaIsDescribedWithExamples() throws IOException {
        JsonNode api = new ObjectMapper()
                .readTree(given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                require(operation.getValue(), "summary", where, missing);
                require(operation.getValue(), "description", where, missing);
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    String name = where + " parameter " + parameter.path("name").asText();
                    require(parameter, "description", name, missing);
                    if (!parameter.has("examples") && !parameter.path("schema").has("examples")) {
                        require(parameter, "example", name, missing);
                    }
                }
                operation
                        .getValue()
                        .path("responses")
                        .properties()
                        .forEach(response -> require(
                                response.getValue(), "description", where + " response " + response.getKey(), missing));
            }
        }
        for (Map.Entry<String, JsonNode> schema :
                api.path("components").path("schemas").properties()) {
            require(schema.getValue(), "description", "schema " + schema.getKey(), missing);
            for (Map.Entry<String, JsonNode> property :
                    schema.getValue().path("properties").properties()) {
                String name = "schema " + schema.getKey() + "." + property.getKey();
                JsonNode node = property.getValue();
                require(node, "description", name, missing);
                boolean structured = node.has("$ref")
                        || node.has("allOf")
                        || "object".equals(node.path("type").asText())
                        || ("array".equals(node.path("type").asText())
                                && node.path("items").has("$ref"));
                if (!structured && !node.has("examples")) {
                    require(node, "example", name, missing);
                }
            }
        }
        assertThat(missing).as("undocumented parts of the API").isEmpty();
    }

    /**
     * The conventions of ARCHITECTURE.md that generated clients depend on, so that a new endpoint that
     * misses one fails here: a unique lowerCamelCase operationId, security declared (public or bearer),
     * every write behind the bearer scheme, every 4xx/5xx the one Problem schema.
     */
    @Test
    void everyOperationFollowsTheClientConventions() throws IOException {
        JsonNode api = new ObjectMapper()
                .readTree(given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        List<String> broken = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                String where = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = entry.getValue();
                String id = operation.path("operationId").asText();
                if (!id.matches("[a-z]+[A-Z][A-Za-z]*")) {
                    broken.add(where + ": operationId '" + id + "' is not verbNoun (e.g. getDataset)");
                }
                if (ids.contains(id)) {
                    broken.add(where + ": operationId '" + id + "' is used twice");
                }
                ids.add(id);
                if (!operation.has("security")) {
                    broken.add(where + ": declares no security");
                }
                boolean write = !entry.getKey().equals("get");
                if (write && !operation.path("security").toString().contains("\"bearer\"")) {
                    broken.add(where + ": a write without the bearer scheme (@SecurityRequirement)");
                }
                operation.path("responses").properties().forEach(response -> {
                    if (response.getKey().matches("[45]\\d\\d")
                            && !response.getValue()
                                    .at("/content/application~1problem+json/schema/$ref")
                                    .asText()
                                    .equals("#/components/schemas/Problem")) {
                        broken.add(where + " response " + response.getKey() + ": not the Problem schema");
                    }
                });
            }
        }
        assertThat(broken).as("operations that break the OpenAPI conventions").isEmpty();
    }

    private static void require(JsonNode node, String field, String where, List<String> missing) {
        boolean present = node.has(field) && !node.get(field).asText().isBlank()
                || node.has(field) && node.get(field).isContainerNode();
        if (!present) {
            missing.add(where + " has no " + field);
        }
    }
}
