package org.datafirst.catalogue.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datafirst.catalogue.sources.SourceLoader;
import org.datafirst.catalogue.support.IsolatedStoreProfile;
import org.datafirst.catalogue.support.SourceFiles;
import org.datafirst.catalogue.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
@TestProfile(GatewayVersionAndAuthTest.WithApiKey.class)
class GatewayVersionAndAuthTest {

    /** Its own schema (nothing loaded at start) and an API key. */
    public static class WithApiKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(new IsolatedStoreProfile().getConfigOverrides());
            config.put("quarkus.datasource.jdbc.additional-jdbc-properties.currentSchema", "gateway_test");
            config.put("quarkus.flyway.schemas", "gateway_test");
            config.put("quarkus.flyway.default-schema", "gateway_test");
            config.put("catalogue.gateway.api-key", "s3cret-key");
            return config;
        }
    }

    @Inject
    SourceLoader loader;

    @TempDir
    Path root;

    @Test
    void theVersionChangesWhenAndOnlyWhenTheContentChanges() {
        Path file = SourceFiles.write(root, "datasets/gmi-versioned.yaml", SourceFiles.dataset("gmi-versioned"));
        loader.load(root);
        String first = version();
        String etag = given().header("apikey", "s3cret-key")
                .get("/api/v1/gmi/datasets/gmi-versioned")
                .then()
                .extract()
                .header("ETag");

        loader.load(root);
        assertThat(version()).as("reloaded unchanged").isEqualTo(first);
        given().header("apikey", "s3cret-key")
                .header("If-None-Match", etag)
                .get("/api/v1/gmi/datasets/gmi-versioned")
                .then()
                .statusCode(304);

        SourceFiles.replace(file, "A dataset written by a test.", "A dataset written by a test, edited.");
        loader.load(root);
        String second = version();
        assertThat(second).isNotEqualTo(first);
        assertThat(Integer.parseInt(second.split("\\.")[0])).isEqualTo(Integer.parseInt(first.split("\\.")[0]) + 1);
        given().header("apikey", "s3cret-key")
                .get("/api/v1/gmi/datasets/gmi-versioned")
                .then()
                .statusCode(200)
                .body("version", equalTo(second))
                .body("revisions[0].version", equalTo(first));
    }

    @Test
    void theVersionOnlyEverRisesAcrossPublishRepublishAndAnOldDraft() {
        // Given release 1 from a source file, a curator's draft (release 2) and a newer source release (3)
        Path file = SourceFiles.write(root, "datasets/gmi-drafted.yaml", SourceFiles.dataset("gmi-drafted"));
        loader.load(root);
        String first = version("gmi-drafted");
        draft("gmi-drafted", "An old draft.");
        SourceFiles.replace(file, "A dataset written by a test.", "A dataset written by a test, edited.");
        loader.load(root);
        String second = version("gmi-drafted");
        loader.load(root);
        assertThat(version("gmi-drafted")).as("republished unchanged").isEqualTo(second);

        // When the old draft is published, it is refused and the version stays
        publish("gmi-drafted", 2).statusCode(409);
        assertThat(version("gmi-drafted")).isEqualTo(second);

        // And a newer draft, once published, raises it again
        draft("gmi-drafted", "A newer draft.");
        publish("gmi-drafted", 4).statusCode(201);
        String third = version("gmi-drafted");
        assertThat(major(second)).isGreaterThan(major(first));
        assertThat(major(third)).isGreaterThan(major(second));
        given().header("apikey", "s3cret-key")
                .get("/api/v1/gmi/datasets/gmi-drafted")
                .then()
                .body("version", equalTo(third))
                .body("revisions.version", equalTo(List.of(second, first)))
                .body("summary.abstract", equalTo("A newer draft."));
    }

    private static void draft(String id, String description) {
        given().header("Authorization", Tokens.curator("alice"))
                .header("If-Match", "*")
                .queryParam("status", "draft")
                .contentType("application/merge-patch+json")
                .body("{\"description\": \"" + description + "\"}")
                .patch("/api/v1/datasets/" + id)
                .then()
                .statusCode(201);
    }

    private static io.restassured.response.ValidatableResponse publish(String id, int version) {
        return given().header("Authorization", Tokens.curator("alice"))
                .header("If-Match", "*")
                .post("/api/v1/datasets/" + id + "/releases/" + version + "/publish")
                .then();
    }

    private static int major(String version) {
        return Integer.parseInt(version.split("\\.")[0]);
    }

    private static String version(String id) {
        return given().header("apikey", "s3cret-key")
                .get("/api/v1/gmi/datasets/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("version");
    }

    @Test
    void theGatewayMustSendTheKeyAsApikeyOrBearer() {
        SourceFiles.write(root, "datasets/gmi-auth.yaml", SourceFiles.dataset("gmi-auth"));
        loader.load(root);
        given().get("/api/v1/gmi/datasets")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unauthorized"))
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
        given().header("apikey", "wrong")
                .get("/api/v1/gmi/datasets/gmi-auth")
                .then()
                .statusCode(401);
        given().header("Authorization", "Bearer wrong")
                .get("/api/v1/gmi/datasets")
                .then()
                .statusCode(401);
        given().header("apikey", "s3cret-key")
                .get("/api/v1/gmi/datasets")
                .then()
                .statusCode(200);
        given().header("Authorization", "Bearer s3cret-key")
                .get("/api/v1/gmi/datasets/gmi-auth")
                .then()
                .statusCode(200);
        // the rest of the catalogue stays public
        given().get("/catalog.ttl").then().statusCode(200);
    }

    private static String version() {
        return given().header("Authorization", "Bearer s3cret-key")
                .get("/api/v1/gmi/datasets")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items.find { it.persistentId == 'gmi-versioned' }.version");
    }
}
