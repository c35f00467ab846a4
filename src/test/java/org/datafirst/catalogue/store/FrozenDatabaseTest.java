package org.datafirst.catalogue.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import org.datafirst.catalogue.support.IsolatedStoreProfile;
import org.datafirst.catalogue.support.PostgresResource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The database freezes (its processes stopped, as on a hung host): reads answer 503 problem+json instead
 * of hanging, readiness goes DOWN, and both recover when it runs again, without restarting the service.
 */
@QuarkusTest
@TestProfile(FrozenDatabaseTest.OwnSchema.class)
class FrozenDatabaseTest {

    /** Its own application instance, so no other test shares the pool this test breaks. */
    public static class OwnSchema implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return IsolatedStoreProfile.emptyStore("frozen");
        }
    }

    private static final String READ = "/api/v1/variables?q=ethnicity";
    /** Only guards against a hang: the answers are expected within about a second. */
    private static final Duration HANG = Duration.ofSeconds(20);

    @Test
    void aFrozenDatabaseGives503QuicklyAndReadinessDownThenRecovers() throws Exception {
        Assumptions.assumeTrue(PostgresResource.embedded(), "needs the embedded test database, which it freezes");
        client().get(READ).then().statusCode(200);
        client().get("/q/health/ready").then().statusCode(200);

        PostgresResource.freezeServer();
        try {
            long started = System.nanoTime();
            client().get(READ)
                    .then()
                    .statusCode(503)
                    .contentType(containsString("application/problem+json"))
                    .body("type", equalTo("/problems/service-unavailable"));
            client().get("/q/health/ready").then().statusCode(503);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(HANG);
        } finally {
            PostgresResource.thawServer();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline) {
            status = client().get(READ).then().extract().statusCode();
            if (status != 200) {
                Thread.sleep(200);
            }
        }
        assertThat(status).isEqualTo(200);
        client().get("/q/health/ready").then().statusCode(200);
    }

    private static RequestSpecification client() {
        int millis = (int) HANG.toMillis();
        return given().config(RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", millis)
                        .setParam("http.connection.timeout", millis)));
    }
}
