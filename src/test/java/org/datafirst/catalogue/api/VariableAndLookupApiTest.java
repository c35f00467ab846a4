package org.datafirst.catalogue.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VariableAndLookupApiTest {

    @Test
    void variableSearchFindsEthnicityByNameAndCodes() {
        given().queryParam("q", "ethnicity").get("/api/v1/variables").then().statusCode(200)
                .body("items.name", hasItem("ethnicity_desc"))
                .body("items.find { it.name == 'ethnicity_desc' }.dataset", equalTo("probation"))
                .body("items[0].score", notNullValue());
    }

    @Test
    void variableSearchSpansDatasets() {
        given().queryParam("q", "estimated offender id").get("/api/v1/variables").then().statusCode(200)
                .body("items.dataset", hasItems("probation", "prisoner-custodial-journey"));
    }

    @Test
    void variableSearchReturnsTheMatchingCodes() {
        given().queryParam("q", "Nottinghamshire").get("/api/v1/variables").then().statusCode(200)
                .body("items[0].lookup", equalTo("probation-area"))
                .body("items[0].matchedCodes", hasSize(lessThanOrEqualTo(5)))
                .body("items[0].matchedCodes.size()", greaterThan(0));
    }

    @Test
    void variableListingWithoutQueryPagesEverything() {
        int total = given().queryParam("size", 100).get("/api/v1/variables").then().statusCode(200)
                .body("items[0].score", nullValue())
                .extract().path("total");
        given().queryParam("dataset", "offender-assessment-oasys").queryParam("size", 5).get("/api/v1/variables")
                .then().statusCode(200).body("items", hasSize(5))
                .body("items.dataset", org.hamcrest.Matchers.everyItem(equalTo("offender-assessment-oasys")))
                .body("total", org.hamcrest.Matchers.lessThan(total));
        // A page past the end is empty but still reports the total.
        given().queryParam("size", 100).queryParam("page", 999).get("/api/v1/variables").then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(total));
    }

    @Test
    void lookupsListWhereEachIsUsed() {
        given().get("/api/v1/lookups").then().statusCode(200)
                .body("id", hasItems("gender", "ethnicity-description", "probation-area"))
                .body("find { it.id == 'gender' }.codes", nullValue())
                .body("find { it.id == 'gender' }.codeCount", equalTo(2))
                .body("find { it.id == 'gender' }.usedBy.dataset", hasItem("probation"));
    }

    @Test
    void oneLookupHasItsCodesInOrder() {
        given().get("/api/v1/lookups/gender").then().statusCode(200)
                .body("codes.code", hasItems("F", "M"))
                .body("usedBy[0].href", notNullValue());
        given().get("/api/v1/lookups/no-such-lookup").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void variableSearchRejectsBadPaging() {
        given().queryParam("size", "lots").get("/api/v1/variables").then().statusCode(400)
                .body("errors[0].location", equalTo("size"));
    }
}
