package org.datafirst.catalogue.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The dataset resources, read from the real catalogue-sources loaded at start-up. */
@QuarkusTest
class DatasetApiTest {

    static final String[] ALL_NINE = {"cross-justice-linking", "magistrates-courts-defendant", "crown-court-defendant",
        "prisoner-custodial-journey", "probation", "family-court", "civil-court", "offender-assessment-oasys",
        "moj-dfe-data-share"};

    @Test
    void listsAllNineDatasetsWithTotalCount() {
        given().when().get("/api/v1/datasets")
                .then().statusCode(200)
                .body("total", equalTo(9))
                .body("page", equalTo(1))
                .body("totalPages", equalTo(1))
                .body("items.id", containsInAnyOrder(ALL_NINE))
                .body("items.find { it.id == 'probation' }.coverage[0].start", equalTo("2014-01-01"))
                .body("items.find { it.id == 'probation' }.release.version", notNullValue());
    }

    @Test
    void pagesKeepTheTotalAndDoNotOverlap() {
        var first = given().queryParam("size", 4).get("/api/v1/datasets").then().statusCode(200)
                .body("total", equalTo(9)).body("totalPages", equalTo(3)).body("items", hasSize(4))
                .extract().<java.util.List<String>>path("items.id");
        var third = given().queryParam("size", 4).queryParam("page", 3).get("/api/v1/datasets").then()
                .statusCode(200).body("total", equalTo(9)).body("items", hasSize(1))
                .extract().<java.util.List<String>>path("items.id");
        org.assertj.core.api.Assertions.assertThat(first).doesNotContainAnyElementsOf(third);
        given().queryParam("size", 4).queryParam("page", 9).get("/api/v1/datasets").then()
                .statusCode(200).body("items", hasSize(0)).body("total", equalTo(9));
    }

    @Test
    void fullTextSearchRanksAndSpansTablesVariablesAndCodes() {
        // A table name only one dataset has.
        given().queryParam("q", "hocas_flatfile").get("/api/v1/datasets").then().statusCode(200)
                .body("items[0].id", equalTo("magistrates-courts-defendant"))
                .body("items[0].score", notNullValue());
        // A code label: probation areas are a lookup of the probation dataset.
        given().queryParam("q", "Nottinghamshire").get("/api/v1/datasets").then().statusCode(200)
                .body("items.id", hasItem("probation"));
        // Nothing matches nonsense.
        given().queryParam("q", "zzyzxquux").get("/api/v1/datasets").then().statusCode(200)
                .body("total", equalTo(0)).body("items", hasSize(0));
    }

    @Test
    void facetsFilterAndCombine() {
        given().queryParam("approval", "DAP").get("/api/v1/datasets").then().statusCode(200)
                .body("items.id", containsInAnyOrder("magistrates-courts-defendant", "crown-court-defendant",
                        "family-court", "civil-court"));
        given().queryParam("approval", "DAP").queryParam("whereHeld", "SAIL Databank").get("/api/v1/datasets")
                .then().statusCode(200)
                .body("items.id", containsInAnyOrder("magistrates-courts-defendant", "crown-court-defendant",
                        "family-court"));
        given().queryParam("approval", "DAG,DfE").get("/api/v1/datasets").then().statusCode(200)
                .body("items.approvals", everyItem(org.hamcrest.Matchers.anyOf(hasItem("DAG"), hasItem("DfE"))))
                .body("items.id", hasItems("probation", "moj-dfe-data-share"));
        given().queryParam("sourceSystem", "libra").get("/api/v1/datasets").then().statusCode(200)
                .body("items.id", containsInAnyOrder("magistrates-courts-defendant"));
        given().queryParam("jurisdiction", "England").get("/api/v1/datasets").then().statusCode(200)
                .body("items.id", containsInAnyOrder("moj-dfe-data-share"));
    }

    @Test
    void coverageFilterKeepsOverlappingPeriods() {
        // Probation starts in 2014 and the MoJ-DfE share ends in 2017: 2012 excludes probation.
        given().queryParam("coverageFrom", 2012).queryParam("coverageTo", 2012).get("/api/v1/datasets").then()
                .statusCode(200).body("items.id", not(hasItem("probation")))
                .body("items.id", hasItem("magistrates-courts-defendant"));
        // Only the OASys data runs to the end of 2023.
        given().queryParam("coverageFrom", 2023).queryParam("coverageTo", 2030).get("/api/v1/datasets").then()
                .statusCode(200).body("items.id", hasItem("offender-assessment-oasys"))
                .body("items.id", not(hasItem("moj-dfe-data-share")));
    }

    @Test
    void oneDatasetHasCoverageAccessAndTables() {
        given().get("/api/v1/datasets/magistrates-courts-defendant").then().statusCode(200)
                .body("id", equalTo("magistrates-courts-defendant"))
                .body("coverage[0].basis", containsString("disposals"))
                .body("approvals", hasItem("DAP"))
                .body("whereHeld", hasItems("ONS SRS", "SAIL Databank"))
                .body("accessRights", equalTo("non-public"))
                .body("tables.name", hasItems("hocas_flatfile", "hocas_all_offence"))
                .body("tables.find { it.name == 'hocas_flatfile' }.grain", containsString("one row per defendant per case"))
                .body("dictionaryCompleteness", notNullValue())
                .body("release.version", equalTo(1));
    }

    @Test
    void tablesAndTableWithVariables() {
        given().get("/api/v1/datasets/probation/tables").then().statusCode(200)
                .body("name", hasItems("delius_flatfile", "delius_rqmnt", "delius_lic_condition", "delius_psr", "delius_pss"));
        given().get("/api/v1/datasets/probation/tables/delius_flatfile").then().statusCode(200)
                .body("dataset", equalTo("probation"))
                .body("grain", equalTo("one row per offender event"))
                .body("variables.name", hasItems("ethnicity_desc", "gender", "estimated_offender_id"))
                .body("variables.find { it.name == 'ethnicity_desc' }.sensitive", equalTo(true))
                .body("variables.find { it.name == 'ethnicity_desc' }.lookup", equalTo("ethnicity-description"));
    }

    @Test
    void oneVariableCarriesItsLookupCodesAndWhereTheyAreUsed() {
        given().get("/api/v1/datasets/probation/tables/delius_flatfile/variables/gender").then().statusCode(200)
                .body("name", equalTo("gender"))
                .body("confidence", notNullValue())
                .body("source", notNullValue())
                .body("lookup.id", equalTo("gender"))
                .body("lookup.codes.code", hasItems("F", "M"))
                .body("lookup.usedBy.variable", hasItem("gender"));
    }

    @Test
    void unknownThingsAreNamedIn404Problems() {
        given().get("/api/v1/datasets/no-such-dataset").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("status", equalTo(404))
                .body("detail", containsString("no-such-dataset"))
                .body("instance", equalTo("/api/v1/datasets/no-such-dataset"));
        given().get("/api/v1/datasets/probation/tables/no_table").then().statusCode(404)
                .body("detail", containsString("no_table"));
        given().get("/api/v1/datasets/probation/tables/delius_flatfile/variables/nope").then().statusCode(404)
                .body("detail", containsString("nope"));
        given().get("/api/v1/datasets/probation/releases/99").then().statusCode(404)
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
        given().queryParam("q", "x".repeat(201)).get("/api/v1/datasets").then().statusCode(400)
                .body("errors[0].location", equalTo("q"));
        given().get("/api/v1/datasets/probation/releases/first").then().statusCode(400)
                .body("errors[0].location", equalTo("version"));
    }

    private static void assertBadParameter(String name, String value) {
        given().queryParam(name, value).get("/api/v1/datasets").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/bad-parameter"))
                .body("detail", containsString("'" + name + "'"))
                .body("errors[0].location", equalTo(name));
    }

    @Test
    void releasesAreListedAndRetrievable() {
        given().get("/api/v1/datasets/civil-court/releases").then().statusCode(200)
                .body("[0].version", equalTo(1))
                .body("[0].status", equalTo("published"))
                .body("[0].origin", equalTo("datasets/civil-court.yaml"));
        given().get("/api/v1/datasets/civil-court/releases/1").then().statusCode(200)
                .body("id", equalTo("civil-court")).body("release.version", equalTo(1));
    }

    @Test
    void otherMethodsGet405Problems() {
        given().delete("/api/v1/datasets").then().statusCode(405).contentType("application/problem+json");
    }
}
