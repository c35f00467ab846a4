package org.datafirst.catalogue.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.datafirst.catalogue.support.ApiCatalogueProfile;
import org.datafirst.catalogue.support.IsolatedStoreProfile;
import org.junit.jupiter.api.Test;

/**
 * Without catalogue.base-uri, minted URIs take the public base of the first request that needed
 * one, stored in PostgreSQL, and stay the same whatever Host and X-Forwarded-* later requests send.
 */
@QuarkusTest
@TestProfile(CanonicalBaseTest.NoConfiguredBase.class)
class CanonicalBaseTest {

    /** Its own schema with the fixture catalogue, and no configured base. */
    public static class NoConfiguredBase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(IsolatedStoreProfile.ownSchema("canonical_base_test"));
            config.put("catalogue.sources.path", ApiCatalogueProfile.SOURCES);
            config.put("catalogue.base-uri", "");
            return config;
        }
    }

    @Inject
    DataSource store;

    private static final String DATASET = "fixture-probation";

    @Test
    void theFirstSeenBaseIsKeptWhateverLaterRequestsSay() throws Exception {
        // Given the first harvest comes through a proxy
        UnaryOperator<RequestSpecification> first = r -> r.header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "data.example.org")
                .header("X-Forwarded-Prefix", "/datafirst");
        String firstDataset = datasetUriIn(first);
        assertThat(firstDataset).isEqualTo("https://data.example.org/datafirst/datasets/" + DATASET);

        // When later requests arrive under other names, directly or through another proxy
        List<UnaryOperator<RequestSpecification>> others = List.of(
                r -> r,
                r -> r.header("Host", "catalogue.internal:8443"),
                r -> r.header("X-Forwarded-Proto", "http").header("X-Forwarded-Host", "mirror.example.net"));
        for (UnaryOperator<RequestSpecification> other : others) {
            // Then DCAT, the catalogue page and the HDR UK documents mint the same URIs
            assertThat(datasetUriIn(other)).isEqualTo(firstDataset);
            assertThat(other.apply(given())
                            .get("/catalog.ttl")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .contains("<" + firstDataset + ">");
            assertThat(other.apply(given())
                            .get("/api/v1/gmi/datasets/" + DATASET)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getString("identifier"))
                    .isEqualTo(firstDataset);
        }
        try (Connection connection = store.getConnection();
                ResultSet row = connection.createStatement().executeQuery("select base from canonical_base")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("https://data.example.org/datafirst");
            assertThat(row.next()).as("one stored base").isFalse();
        }
    }

    private static String datasetUriIn(UnaryOperator<RequestSpecification> request) {
        String turtle = request.apply(given().accept("application/n-triples"))
                .get("/datasets/" + DATASET + ".nt")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return turtle.lines()
                .filter(line -> line.contains("<http://purl.org/dc/terms/identifier> \"" + DATASET + "\""))
                .map(line -> line.substring(1, line.indexOf('>')))
                .findFirst()
                .orElseThrow();
    }
}
