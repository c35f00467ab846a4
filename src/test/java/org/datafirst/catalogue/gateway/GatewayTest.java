package org.datafirst.catalogue.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.datafirst.catalogue.problem.ProblemError;
import org.datafirst.catalogue.validation.HarvestValidation;
import org.datafirst.catalogue.validation.JsonSchemas;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theListHasEveryDatasetAndValidatesAgainstTheGmiSchema() throws Exception {
        JsonNode list = JSON.readTree(given().get("/api/v1/gmi/datasets")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(JsonSchemas.validate(HarvestValidation.GMI_SCHEMA, list, "list"))
                .isEmpty();
        List<String> ids = given().get("/api/v1/datasets?size=100")
                .then()
                .extract()
                .jsonPath()
                .getList("items.id");
        assertThat(list.path("items").findValuesAsText("persistentId")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(list.path("query").path("total").asInt()).isEqualTo(ids.size());
        for (JsonNode item : list.path("items")) {
            assertThat(item.path("self").asText())
                    .endsWith(
                            "/api/v1/gmi/datasets/" + item.path("persistentId").asText());
        }
    }

    @Test
    void leadTimeAndCountsAreSentOnlyWhereASourceGivesThem() throws Exception {
        // The HDR UK Gateway entries for PRIS (dataset 351) and CJSL (1374) give a lead time of 2-6 months;
        // the PRIS entry counted 3,000,000 events on 29 September 2021. No source counts people.
        JsonNode prison = gmi("prisoner-custodial-journey");
        assertThat(prison.at("/accessibility/access/deliveryLeadTime").asText()).isEqualTo("2-6 months");
        assertThat(prison.path("observations")).hasSize(1);
        assertThat(prison.at("/observations/0/observedNode").asText()).isEqualTo("Events");
        assertThat(prison.at("/observations/0/measuredValue").asLong()).isEqualTo(3_000_000L);
        assertThat(prison.at("/observations/0/observationDate").asText()).isEqualTo("2021-09-29");
        assertThat(gmi("cross-justice-linking")
                        .at("/accessibility/access/deliveryLeadTime")
                        .asText())
                .isEqualTo("2-6 months");
        List<String> ids = given().get("/api/v1/datasets?size=100").jsonPath().getList("items.id");
        for (String id : ids) {
            JsonNode document = gmi(id);
            assertThat(document.at("/summary/populationSize").asLong())
                    .as("population of " + id + " is not reported (the Gateway reads -1 so)")
                    .isEqualTo(-1L);
            if (!List.of("prisoner-custodial-journey", "cross-justice-linking").contains(id)) {
                assertThat(document.at("/accessibility/access").has("deliveryLeadTime"))
                        .as(id + " has no lead time in its sources")
                        .isFalse();
            }
        }
    }

    private static JsonNode gmi(String id) throws Exception {
        return JSON.readTree(given().get("/api/v1/gmi/datasets/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    @Test
    void everyDetailDocumentValidatesAgainstHdrUk400AndDescribesEveryColumn() throws Exception {
        List<String> ids = given().get("/api/v1/datasets?size=100")
                .then()
                .extract()
                .jsonPath()
                .getList("items.id");
        for (String id : ids) {
            JsonNode document = JSON.readTree(given().get("/api/v1/gmi/datasets/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            List<ProblemError> errors = JsonSchemas.validate(HarvestValidation.HDRUK_SCHEMA, document, id);
            assertThat(errors).as("HDR UK 4.0.0 errors of " + id).isEmpty();

            JsonPath api =
                    given().get("/api/v1/datasets/" + id).then().extract().jsonPath();
            assertThat(document.path("version").asText())
                    .matches("[1-9][0-9]*\\." + HdrukMapper.MAPPING_REVISION + "\\.0");
            JsonPath listed =
                    given().get("/api/v1/gmi/datasets").then().extract().jsonPath();
            String item = "items.find { it.persistentId == '" + id + "' }";
            assertThat(listed.getString(item + ".version"))
                    .isEqualTo(document.path("version").asText());
            assertThat(listed.getString(item + ".issued"))
                    .isEqualTo(document.path("issued").asText());
            assertThat(document.path("identifier").asText()).isEqualTo("http://catalogue.test/datasets/" + id);
            String firstReleased = api.getString("issued");
            JsonNode releaseDate = document.path("provenance").path("temporal").path("distributionReleaseDate");
            if (firstReleased != null && firstReleased.length() == 10) {
                assertThat(releaseDate.asText()).isEqualTo(firstReleased);
            } else {
                assertThat(releaseDate.isNull())
                        .as("release date of " + id + " is not known")
                        .isTrue();
            }
            JsonNode tables = document.path("structuralMetadata").path("tables");
            List<String> tableNames = given().get("/api/v1/datasets/" + id + "/tables")
                    .then()
                    .extract()
                    .jsonPath()
                    .getList("name");
            List<String> documentTables = new java.util.ArrayList<>();
            tables.forEach(t -> documentTables.add(t.path("name").asText()));
            assertThat(documentTables).isEqualTo(tableNames);
            for (JsonNode table : tables) {
                JsonPath apiTable = given().get("/api/v1/datasets/" + id + "/tables/"
                                + table.path("name").asText())
                        .then()
                        .extract()
                        .jsonPath();
                List<String> columns = new java.util.ArrayList<>();
                table.path("columns").forEach(c -> columns.add(c.path("name").asText()));
                assertThat(columns).isEqualTo(apiTable.getList("variables.name"));
            }
        }
    }

    @Test
    void codedColumnsCarryTheirValues() throws Exception {
        JsonNode document = JSON.readTree(
                given().get("/api/v1/gmi/datasets/probation").then().extract().asString());
        JsonPath gender = given().get("/api/v1/lookups/gender").then().extract().jsonPath();
        String table = gender.getString("usedBy.find { it.dataset == 'probation' }.table");
        String variable = gender.getString("usedBy.find { it.dataset == 'probation' }.variable");
        JsonNode column = null;
        for (JsonNode t : document.path("structuralMetadata").path("tables")) {
            for (JsonNode c : t.path("columns")) {
                if (t.path("name").asText().equals(table)
                        && c.path("name").asText().equals(variable)) {
                    column = c;
                }
            }
        }
        assertThat(column).as("column %s.%s", table, variable).isNotNull();
        assertThat(column.path("values").findValuesAsText("name")).isEqualTo(gender.getList("codes.code"));
    }

    @Test
    void theValidationReportShowsEachTarget() {
        given().get("/api/v1/datasets/probation/validation")
                .then()
                .statusCode(200)
                .body("dataset", equalTo("probation"))
                .body("conforms", equalTo(true))
                .body("targets.target", equalTo(List.of("dcat-ap", "hdruk", "gmi")))
                .body("targets.violations", equalTo(List.of(0, 0, 0)));
        given().get("/api/v1/datasets/no-such-dataset/validation")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
        given().get("/api/v1/gmi/datasets/no-such-dataset")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void withoutAConfiguredKeyTheGatewayEndpointsAreOpen() {
        given().get("/api/v1/gmi/datasets").then().statusCode(200);
    }

    @Test
    void longTextIsCutAtAWordWithinTheLimit() {
        String cut = HdrukMapper.limit("word ".repeat(100).trim(), 255);
        assertThat(cut).hasSizeLessThanOrEqualTo(255).endsWith("word…");
        assertThat(HdrukMapper.limit("short", 80)).isEqualTo("short");
    }
}
