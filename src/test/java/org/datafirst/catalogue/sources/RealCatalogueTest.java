package org.datafirst.catalogue.sources;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real catalogue-sources/ load at start-up and every dataset file is served. (The API tests
 * read their own fixture catalogue; this is the one check on the real one.)
 */
@QuarkusTest
class RealCatalogueTest {

    static List<String> realDatasetIds() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("catalogue-sources/datasets"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyRealDatasetFileIsLoadedAndServed() throws IOException {
        List<String> ids = realDatasetIds();
        given().queryParam("size", 100)
                .get("/api/v1/datasets")
                .then()
                .statusCode(200)
                .body("total", equalTo(ids.size()))
                .body("items.id", containsInAnyOrder(ids.toArray()));
        for (String id : ids) {
            given().get("/api/v1/datasets/" + id + "/tables").then().statusCode(200);
        }
    }
}
