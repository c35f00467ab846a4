package org.datafirst.catalogue.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.datafirst.catalogue.support.ApiCatalogueProfile;
import org.junit.jupiter.api.Test;

/** Variable search and lookups, over the API tests' fixture catalogue (src/test/resources/api/). */
@QuarkusTest
@TestProfile(ApiCatalogueProfile.class)
class VariableAndLookupApiTest {

    @Test
    void variableSearchFindsEthnicityByNameAndCodes() {
        given().queryParam("q", "ethnicity")
                .get("/api/v1/variables")
                .then()
                .statusCode(200)
                .body("items.name", hasItem("ethnicity_desc"))
                .body("items.find { it.name == 'ethnicity_desc' }.dataset", equalTo("fixture-probation"))
                .body("items[0].score", notNullValue());
    }

    @Test
    void variableSearchSpansDatasets() {
        given().queryParam("q", "estimated person id")
                .get("/api/v1/variables")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.dataset", containsInAnyOrder("fixture-courts", "fixture-probation", "fixture-schools"));
    }

    @Test
    void variableSearchReturnsTheMatchingCodes() {
        given().queryParam("q", "Nottinghamshire")
                .get("/api/v1/variables")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].name", equalTo("probation_area"))
                .body("items[0].lookup", equalTo("fixture-area"))
                .body("items[0].matchedCodes", hasSize(lessThanOrEqualTo(5)))
                .body("items[0].matchedCodes.code", contains("N01"));
    }

    @Test
    void variableListingWithoutQueryPagesEverything() {
        int total = given().queryParam("size", 100)
                .get("/api/v1/variables")
                .then()
                .statusCode(200)
                .body("items[0].score", nullValue())
                .body("total", equalTo(12))
                .extract()
                .path("total");
        given().queryParam("dataset", "fixture-courts")
                .queryParam("size", 5)
                .get("/api/v1/variables")
                .then()
                .statusCode(200)
                .body("items", hasSize(5))
                .body("items.dataset", org.hamcrest.Matchers.everyItem(equalTo("fixture-courts")))
                .body("total", equalTo(6));
        // A page past the end is empty but still reports the total.
        given().queryParam("size", 100)
                .queryParam("page", 999)
                .get("/api/v1/variables")
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("total", equalTo(total));
    }

    @Test
    void lookupsListWhereEachIsUsed() {
        given().get("/api/v1/lookups")
                .then()
                .statusCode(200)
                .body("id", contains("fixture-area", "fixture-ethnicity", "fixture-sex"))
                .body("find { it.id == 'fixture-sex' }.codes", nullValue())
                .body("find { it.id == 'fixture-sex' }.codeCount", equalTo(2))
                .body(
                        "find { it.id == 'fixture-sex' }.usedBy.dataset",
                        containsInAnyOrder("fixture-courts", "fixture-probation", "fixture-schools"));
    }

    @Test
    void oneLookupHasItsCodesInOrder() {
        given().get("/api/v1/lookups/fixture-area")
                .then()
                .statusCode(200)
                .body("codes.code", contains("N01", "N02", "N03"))
                .body("usedBy[0].href", notNullValue());
        given().get("/api/v1/lookups/no-such-lookup").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void variableSearchRejectsBadPaging() {
        given().queryParam("size", "lots")
                .get("/api/v1/variables")
                .then()
                .statusCode(400)
                .body("errors[0].location", equalTo("size"));
    }
}
