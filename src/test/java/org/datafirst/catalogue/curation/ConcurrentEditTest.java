package org.datafirst.catalogue.curation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.datafirst.catalogue.support.Documents;
import org.datafirst.catalogue.support.IsolatedStoreProfile;
import org.datafirst.catalogue.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(IsolatedStoreProfile.class)
class ConcurrentEditTest {

    private static final int WRITERS = 50;

    @Test
    void fiftyEditsWithTheSameETagGiveOneSuccessAndFortyNine412s() throws Exception {
        String id = "contended";
        String curator = Tokens.curator("alice");
        given().header("Authorization", curator)
                .contentType("application/json")
                .body(Documents.dataset(id).toString())
                .put("/api/v1/datasets/" + id)
                .then()
                .statusCode(201);
        String etag = given().get("/api/v1/datasets/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");

        // When 50 curators send different edits at the same moment, all based on the same ETag
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String title = "Edit number " + i;
            results.add(pool.submit(() -> {
                start.await();
                return given().header("Authorization", curator)
                        .header("If-Match", etag)
                        .contentType("application/merge-patch+json")
                        .body("{\"title\": \"" + title + "\"}")
                        .patch("/api/v1/datasets/" + id)
                        .statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        // Then exactly one succeeds, the rest are refused, and the dataset holds that one edit
        Map<Integer, Long> counts = statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertThat(counts).isEqualTo(Map.of(201, 1L, 412, (long) WRITERS - 1));
        String title = given().get("/api/v1/datasets/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("title");
        assertThat(title)
                .isIn(IntStream.range(0, WRITERS)
                        .mapToObj(i -> "Edit number " + i)
                        .toList());
        assertThat(given().get("/api/v1/datasets/" + id + "/releases")
                        .jsonPath()
                        .getList("version", Integer.class))
                .containsExactly(2, 1);
        assertThat(given().header("Authorization", curator)
                        .queryParam("dataset", id)
                        .get("/api/v1/audit")
                        .jsonPath()
                        .getList("entries"))
                .hasSize(2);
    }
}
