package org.datafirst.catalogue.curation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.datafirst.catalogue.support.Documents;
import org.datafirst.catalogue.support.IsolatedStoreProfile;
import org.datafirst.catalogue.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every write (and the curator-only reads) refuses callers without a valid curator token, writing nothing. */
@QuarkusTest
@TestProfile(IsolatedStoreProfile.class)
class WriteAuthTest {

    private static final String ID = "auth-target";

    /** method, path, content type, body */
    static Stream<Arguments> protectedEndpoints() {
        String document =
                Documents.dataset(ID).put("title", "Changed by an intruder").toString();
        return Stream.of(
                Arguments.of("PUT", "/api/v1/datasets/" + ID, "application/json", document),
                Arguments.of(
                        "PUT",
                        "/api/v1/datasets/new-by-intruder",
                        "application/json",
                        Documents.dataset("new-by-intruder").toString()),
                Arguments.of(
                        "PATCH", "/api/v1/datasets/" + ID, "application/merge-patch+json", "{\"title\": \"Hacked\"}"),
                Arguments.of("POST", "/api/v1/datasets/" + ID + "/releases/2/publish", "application/json", ""),
                Arguments.of("POST", "/api/v1/datasets/" + ID + "/linkage-quality", "application/json", "{}"),
                Arguments.of("POST", "/api/v1/admin/sources/reload", "application/json", ""),
                Arguments.of("GET", "/api/v1/audit", "application/json", ""),
                Arguments.of("GET", "/api/v1/datasets/" + ID + "/releases?status=draft", "application/json", ""),
                Arguments.of("GET", "/api/v1/datasets/" + ID + "/releases/2", "application/json", ""));
    }

    @BeforeEach
    void aDatasetWithADraft() {
        if (given().get("/api/v1/datasets/" + ID).statusCode() == 404) {
            given().header("Authorization", Tokens.curator("setup"))
                    .contentType("application/json")
                    .body(Documents.dataset(ID).toString())
                    .put("/api/v1/datasets/" + ID)
                    .then()
                    .statusCode(201);
            String etag = given().get("/api/v1/datasets/" + ID)
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("ETag");
            given().header("Authorization", Tokens.curator("setup"))
                    .header("If-Match", etag)
                    .contentType("application/merge-patch+json")
                    .body("{\"description\": \"A draft.\"}")
                    .queryParam("status", "draft")
                    .patch("/api/v1/datasets/" + ID)
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(201);
        }
    }

    @ParameterizedTest(name = "{0} {1} without a token")
    @MethodSource("protectedEndpoints")
    void withoutATokenIs401(String method, String path, String contentType, String body) {
        assertRefused(given(), method, path, contentType, body, 401, "/problems/unauthorized");
    }

    @ParameterizedTest(name = "{0} {1} with a forged token")
    @MethodSource("protectedEndpoints")
    void withAForgedTokenIs401(String method, String path, String contentType, String body) {
        assertRefused(
                given().header("Authorization", Tokens.forged("mallory")),
                method,
                path,
                contentType,
                body,
                401,
                "/problems/unauthorized");
        assertRefused(
                given().header("Authorization", Tokens.otherIssuer("mallory")),
                method,
                path,
                contentType,
                body,
                401,
                "/problems/unauthorized");
        assertRefused(
                given().header("Authorization", "Bearer not-a-jwt"),
                method,
                path,
                contentType,
                body,
                401,
                "/problems/unauthorized");
    }

    @ParameterizedTest(name = "{0} {1} with a token valid too long or issued in the future")
    @MethodSource("protectedEndpoints")
    void withAnOverlongOrFutureTokenIs401(String method, String path, String contentType, String body) {
        java.time.Instant now = java.time.Instant.now();
        assertRefused(
                given().header("Authorization", Tokens.curatorIssued("mallory", now, java.time.Duration.ofDays(36500))),
                method,
                path,
                contentType,
                body,
                401,
                "/problems/unauthorized");
        assertRefused(
                given().header(
                                "Authorization",
                                Tokens.curatorIssued(
                                        "mallory",
                                        now.plus(java.time.Duration.ofHours(1)),
                                        java.time.Duration.ofMinutes(10))),
                method,
                path,
                contentType,
                body,
                401,
                "/problems/unauthorized");
    }

    @ParameterizedTest(name = "{0} {1} without the curator role")
    @MethodSource("protectedEndpoints")
    void withoutTheCuratorRoleIs403(String method, String path, String contentType, String body) {
        assertRefused(
                given().header("Authorization", Tokens.reader("bob")),
                method,
                path,
                contentType,
                body,
                403,
                "/problems/forbidden");
    }

    /** Guards against a write added later without protection: every write in the contract refuses strangers. */
    @org.junit.jupiter.api.Test
    void everyWriteOperationInTheServedContractNeedsACuratorToken() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        int writes = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                if (!List.of("post", "put", "patch", "delete").contains(operation.getKey())) {
                    continue;
                }
                writes++;
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                assertThat(String.valueOf(operation.getValue().get("security")))
                        .as(where)
                        .contains("bearer");
                String concrete = path.getKey().replace("{version}", "2").replaceAll("\\{[^}]+}", ID);
                given().contentType("application/json")
                        .body("{}")
                        .request(operation.getKey(), concrete)
                        .then()
                        .statusCode(401)
                        .body("type", equalTo("/problems/unauthorized"));
            }
        }
        assertThat(writes).as("write operations found").isGreaterThanOrEqualTo(5);
    }

    private static void assertRefused(
            RequestSpecification request,
            String method,
            String path,
            String contentType,
            String body,
            int status,
            String type) {
        String before = state();
        String etag = given().get("/api/v1/datasets/" + ID).then().extract().header("ETag");
        var spec = request.header("If-Match", etag).contentType(contentType);
        if (!body.isEmpty()) {
            spec = spec.body(body);
        }
        spec.request(method, path)
                .then()
                .statusCode(status)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(status))
                .body("type", equalTo(type));
        assertThat(state()).as("nothing written").isEqualTo(before);
    }

    /** Everything a write could change, as seen by a curator. */
    private static String state() {
        String curator = Tokens.curator("checker");
        return given().header("Authorization", curator)
                        .get("/api/v1/datasets/" + ID + "/releases?status=all")
                        .asString()
                + given().get("/api/v1/datasets/new-by-intruder").statusCode()
                + given().header("Authorization", curator)
                        .get("/api/v1/audit?size=1")
                        .asString()
                + given().get("/api/v1/changes").asString();
    }
}
