package org.datafirst.catalogue.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import org.datafirst.catalogue.deploy.ManifestProbes;
import org.junit.jupiter.api.Test;

/** What an operator relies on: the probes the manifests name answer, and metrics are exported. */
@QuarkusTest
class OperationsTest {

    @Test
    void theProbePathsInTheDeploymentAnswerUp() {
        for (String path : ManifestProbes.catalogueProbePaths(Path.of("k8s/base/catalogue-deployment.yaml"))) {
            given().get(path).then().statusCode(200).body("status", equalTo("UP"));
        }
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.name", hasItem(containsString("Database connections health check")));
    }

    @Test
    void requestsAreCountedByRouteAndStatus() {
        given().get("/api/v1/datasets/probation").then().statusCode(200);
        given().get("/api/v1/datasets/no-such-dataset").then().statusCode(404);
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(metrics)
                .containsPattern(
                        "http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/api/v1/datasets/\\{id\\}\"")
                .containsPattern(
                        "http_server_requests_seconds_count\\{[^}]*status=\"404\"[^}]*uri=\"/api/v1/datasets/\\{id\\}\"")
                .contains("catalogue_ingest_seconds");
    }
}
