package org.datafirst.catalogue.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.datafirst.catalogue.support.ApiCatalogueProfile;
import org.junit.jupiter.api.Test;

/** The dataset resources, read from the API tests' fixture catalogue (src/test/resources/api/). */
@QuarkusTest
@TestProfile(ApiCatalogueProfile.class)
class DatasetApiTest {

    static final String[] ALL = {"fixture-courts", "fixture-probation", "fixture-schools"};

    @Test
    void listsEveryDatasetWithTotalCount() {
        given().when()
                .get("/api/v1/datasets")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("page", equalTo(1))
                .body("totalPages", equalTo(1))
                .body("items.id", containsInAnyOrder(ALL))
                .body("items.find { it.id == 'fixture-probation' }.coverage[0].start", equalTo("2014-01-01"))
                .body("items.find { it.id == 'fixture-probation' }.release.version", notNullValue());
    }

    @Test
    void pagesKeepTheTotalAndDoNotOverlap() {
        var first = given().queryParam("size", 2)
                .get("/api/v1/datasets")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("totalPages", equalTo(2))
                .body("items", hasSize(2))
                .extract()
                .<java.util.List<String>>path("items.id");
        var second = given().queryParam("size", 2)
                .queryParam("page", 2)
                .get("/api/v1/datasets")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items", hasSize(1))
                .extract()
                .<java.util.List<String>>path("items.id");
        org.assertj.core.api.Assertions.assertThat(first).doesNotContainAnyElementsOf(second);
        given().queryParam("size", 2)
                .queryParam("page", 9)
                .get("/api/v1/datasets")
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("total", equalTo(3));
    }

    @Test
    void fullTextSearchRanksAndSpansTablesVariablesAndCodes() {
        // A table name only one dataset has.
        given().queryParam("q", "hearing_flatfile")
                .get("/api/v1/datasets")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo("fixture-courts"))
                .body("items[0].score", notNullValue());
        // A code label: probation areas are a lookup of the probation dataset only.
        given().queryParam("q", "Nottinghamshire")
                .get("/api/v1/datasets")
                .then()
                .statusCode(200)
                .body("items.id", contains("fixture-probation"));
        // Nothing matches nonsense.
        given().queryParam("q", "zzyzxquux")
                .get("/api/v1/datasets")
                .then()
                .statusCode(200)
                .body("total", equalTo(0))
                .body("items", hasSize(0));
    }

    @Test
    void facetsFilterAndCombine() {
        given().queryParam("approval", "DAG")
                .get("/api/v1/datasets")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder("fixture-probation", "fixture-schools"));
        given().queryParam("approval", "DAG")
                .queryParam("jurisdiction", "England and Wales")
                .get("/api/v1/datasets")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder("fixture-probation"));
        given().queryParam("approval", "DAP,DfE")
                .get("/api/v1/datasets")
                .then()
                .statusCode(200)
                .body("items.approvals", everyItem(org.hamcrest.Matchers.anyOf(hasItem("DAP"), hasItem("DfE"))))
                .body("items.id", containsInAnyOrder("fixture-courts", "fixture-schools"));
        given().queryParam("whereHeld", "SAIL Databank")
                .get("/api/v1/datasets")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder("fixture-courts"));
        given().queryParam("sourceSystem", "libra")
                .get("/api/v1/datasets")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder("fixture-courts"));
        // England also keeps the England-and-Wales datasets (issue 15)
        given().queryParam("jurisdiction", "England")
                .get("/api/v1/datasets")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder("fixture-courts", "fixture-probation", "fixture-schools"));
        given().queryParam("jurisdiction", "Wales")
                .get("/api/v1/datasets")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder("fixture-courts", "fixture-probation"));
    }

    @Test
    void coverageFilterKeepsOverlappingPeriods() {
        // Probation starts in 2014 and the school share ends in 2017: 2012 excludes probation.
        given().queryParam("coverageFrom", 2012)
                .queryParam("coverageTo", 2012)
                .get("/api/v1/datasets")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder("fixture-courts", "fixture-schools"));
        // Only the courts data runs into 2023.
        given().queryParam("coverageFrom", 2023)
                .queryParam("coverageTo", 2030)
                .get("/api/v1/datasets")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder("fixture-courts"));
    }

    @Test
    void oneDatasetHasCoverageAccessAndTables() {
        given().get("/api/v1/datasets/fixture-courts")
                .then()
                .statusCode(200)
                .body("id", equalTo("fixture-courts"))
                .body("coverage[0].basis", containsString("disposals"))
                .body("approvals", hasItem("DAP"))
                .body("whereHeld", hasItems("ONS SRS", "SAIL Databank"))
                .body("accessRights", equalTo("non-public"))
                .body("tables.name", contains("hearing_flatfile", "hearing_offences"))
                .body(
                        "tables.find { it.name == 'hearing_flatfile' }.grain",
                        containsString("one row per defendant per case"))
                .body("tables.find { it.name == 'hearing_flatfile' }.variableCount", equalTo(4))
                .body("dictionaryCompleteness", notNullValue())
                .body("release.version", equalTo(1));
    }

    @Test
    void tablesAndTableWithVariables() {
        given().get("/api/v1/datasets/fixture-courts/tables")
                .then()
                .statusCode(200)
                .body("name", contains("hearing_flatfile", "hearing_offences"));
        given().get("/api/v1/datasets/fixture-probation/tables/event_flatfile")
                .then()
                .statusCode(200)
                .body("dataset", equalTo("fixture-probation"))
                .body("grain", equalTo("one row per offender event"))
                .body("variables.name", contains("estimated_person_id", "ethnicity_desc", "gender", "probation_area"))
                .body("variables.find { it.name == 'ethnicity_desc' }.sensitive", equalTo(true))
                .body("variables.find { it.name == 'ethnicity_desc' }.lookup", equalTo("fixture-ethnicity"));
    }

    @Test
    void oneVariableCarriesItsLookupCodesAndWhereTheyAreUsed() {
        given().get("/api/v1/datasets/fixture-probation/tables/event_flatfile/variables/gender")
                .then()
                .statusCode(200)
                .body("name", equalTo("gender"))
                .body("confidence", notNullValue())
                .body("source", notNullValue())
                .body("lookup.id", equalTo("fixture-sex"))
                .body("lookup.codes.code", contains("F", "M"))
                .body(
                        "lookup.usedBy.dataset",
                        containsInAnyOrder("fixture-courts", "fixture-probation", "fixture-schools"))
                .body("lookup.usedBy.variable", containsInAnyOrder("defendant_sex", "gender", "pupil_sex"));
    }

    @Test
    void unknownThingsAreNamedIn404Problems() {
        given().get("/api/v1/datasets/no-such-dataset")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("status", equalTo(404))
                .body("detail", containsString("no-such-dataset"))
                .body("instance", equalTo("/api/v1/datasets/no-such-dataset"));
        given().get("/api/v1/datasets/fixture-probation/tables/no_table")
                .then()
                .statusCode(404)
                .body("detail", containsString("no_table"));
        given().get("/api/v1/datasets/fixture-probation/tables/event_flatfile/variables/nope")
                .then()
                .statusCode(404)
                .body("detail", containsString("nope"));
        given().get("/api/v1/datasets/fixture-probation/releases/99")
                .then()
                .statusCode(404)
                .body("detail", containsString("99"));
        given().get("/api/v1/no/such/path").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badParametersAre400ProblemsNamingTheParameter() {
        assertBadParameter("size", "abc");
        assertBadParameter("size", "0");
        assertBadParameter("size", "101");
        assertBadParameter("page", "0");
        assertBadParameter("page", "-2");
        assertBadParameter("coverageFrom", "twenty");
        assertBadParameter("coverageTo", "99999");
        given().queryParam("q", "x".repeat(201))
                .get("/api/v1/datasets")
                .then()
                .statusCode(400)
                .body("errors[0].location", equalTo("q"));
        given().get("/api/v1/datasets/fixture-probation/releases/first")
                .then()
                .statusCode(400)
                .body("errors[0].location", equalTo("version"));
    }

    private static void assertBadParameter(String name, String value) {
        given().queryParam(name, value)
                .get("/api/v1/datasets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/bad-parameter"))
                .body("detail", containsString("'" + name + "'"))
                .body("errors[0].location", equalTo(name));
    }

    @Test
    void releasesAreListedAndRetrievable() {
        given().get("/api/v1/datasets/fixture-schools/releases")
                .then()
                .statusCode(200)
                .body("[0].version", equalTo(1))
                .body("[0].status", equalTo("published"))
                .body("[0].origin", equalTo("datasets/fixture-schools.yaml"));
        given().get("/api/v1/datasets/fixture-schools/releases/1")
                .then()
                .statusCode(200)
                .body("id", equalTo("fixture-schools"))
                .body("release.version", equalTo(1));
    }

    @Test
    void otherMethodsGet405Problems() {
        given().delete("/api/v1/datasets").then().statusCode(405).contentType("application/problem+json");
    }
}
