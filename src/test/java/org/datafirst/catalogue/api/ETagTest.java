package org.datafirst.catalogue.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class ETagTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/datasets", "/api/v1/datasets/probation", "/api/v1/datasets/probation/tables",
        "/api/v1/datasets/probation/tables/delius_flatfile", "/api/v1/variables?q=ethnicity", "/api/v1/lookups/gender"})
    void aRepeatedGetWithTheETagIsNotModified(String path) {
        String etag = given().get(path).then().statusCode(200).extract().header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        given().header("If-None-Match", etag).get(path).then().statusCode(304).body(emptyString());
        given().header("If-None-Match", "W/" + etag).get(path).then().statusCode(304);
        given().header("If-None-Match", "\"something-else\"").get(path).then().statusCode(200);
    }

    @Test
    void differentContentHasDifferentTags() {
        String a = given().get("/api/v1/datasets/probation").then().extract().header("ETag");
        String b = given().get("/api/v1/datasets/civil-court").then().extract().header("ETag");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void matchingIsExactOnTheOpaqueTag() {
        assertThat(ETagFilter.matches("\"a\", \"b\"", "\"b\"")).isTrue();
        assertThat(ETagFilter.matches("*", "\"b\"")).isTrue();
        assertThat(ETagFilter.matches("\"ab\"", "\"b\"")).isFalse();
        assertThat(ETagFilter.matches(null, "\"b\"")).isFalse();
    }
}
