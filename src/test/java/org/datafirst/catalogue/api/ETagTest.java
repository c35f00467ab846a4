package org.datafirst.catalogue.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.datafirst.catalogue.http.EntityTags;
import org.datafirst.catalogue.support.ApiCatalogueProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ETags on every GET, over the API tests' fixture catalogue. */
@QuarkusTest
@TestProfile(ApiCatalogueProfile.class)
class ETagTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/datasets",
                "/api/v1/datasets/fixture-probation",
                "/api/v1/datasets/fixture-probation/tables",
                "/api/v1/datasets/fixture-probation/tables/event_flatfile",
                "/api/v1/variables?q=ethnicity",
                "/api/v1/lookups/fixture-sex"
            })
    void aRepeatedGetWithTheETagIsNotModified(String path) {
        String etag = given().get(path).then().statusCode(200).extract().header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        given().header("If-None-Match", etag).get(path).then().statusCode(304).body(emptyString());
        given().header("If-None-Match", "W/" + etag).get(path).then().statusCode(304);
        given().header("If-None-Match", "\"something-else\"").get(path).then().statusCode(200);
    }

    @Test
    void differentContentHasDifferentTags() {
        String a = given().get("/api/v1/datasets/fixture-probation")
                .then()
                .extract()
                .header("ETag");
        String b =
                given().get("/api/v1/datasets/fixture-schools").then().extract().header("ETag");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void matchingIsExactOnTheOpaqueTag() {
        assertThat(EntityTags.weakMatch("\"a\", \"b\"", "\"b\"")).isTrue();
        assertThat(EntityTags.weakMatch("*", "\"b\"")).isTrue();
        assertThat(EntityTags.weakMatch("\"ab\"", "\"b\"")).isFalse();
        assertThat(EntityTags.weakMatch(null, "\"b\"")).isFalse();
    }
}
