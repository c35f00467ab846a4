package org.datafirst.catalogue.curation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.datafirst.catalogue.support.Documents;
import org.datafirst.catalogue.support.IsolatedStoreProfile;
import org.datafirst.catalogue.support.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(IsolatedStoreProfile.class)
class ReleaseHistoryTest {

    private static final String CURATOR = Tokens.curator("alice");

    @Test
    void threeReleasesHaveDiffsAChangeFeedInOrderAndTheOldReleaseStaysAsItWas() {
        String id = "history";
        String cursor =
                given().get("/api/v1/changes").then().statusCode(200).extract().path("nextCursor");

        // Given release 1 (created), release 2 (a field and a code changed), release 3 (a table and a variable added)
        String tag1 = given().header("Authorization", CURATOR)
                .contentType("application/json")
                .body(Documents.dataset(id).toString())
                .put("/api/v1/datasets/" + id)
                .then()
                .statusCode(201)
                .body("version", equalTo(1))
                .extract()
                .header("ETag");
        String release1 = given().get("/api/v1/datasets/" + id + "/releases/1")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(given().get("/api/v1/datasets/" + id).then().extract().header("ETag"))
                .isEqualTo(tag1);

        String tag2 = given().header("Authorization", CURATOR)
                .header("If-Match", tag1)
                .contentType("application/merge-patch+json")
                .body(
                        "{\"title\": \"History, second edition\", \"lookups\": [{\"id\": \"test-sex\", \"title\": \"Sex\", "
                                + "\"codes\": [{\"code\": \"F\", \"label\": \"Female\"}, {\"code\": \"M\", \"label\": \"Male\"}, "
                                + "{\"code\": \"U\", \"label\": \"Unknown\"}]}]}")
                .patch("/api/v1/datasets/" + id)
                .then()
                .statusCode(201)
                .body("version", equalTo(2))
                .extract()
                .header("ETag");

        ObjectNode third = Documents.dataset(id);
        third.put("title", "History, second edition");
        ((ObjectNode) third.withArray("lookups").get(0))
                .withArray("codes")
                .addObject()
                .put("code", "U")
                .put("label", "Unknown");
        ((ObjectNode) third.withArray("tables").get(0))
                .withArray("variables")
                .addObject()
                .put("name", "court")
                .put("type", "string")
                .put("source", "guide")
                .put("confidence", "high");
        third.withArray("tables")
                .addObject()
                .put("name", "hearings")
                .put("grain", "one row per hearing")
                .put("source", "guide")
                .putArray("variables")
                .addObject()
                .put("name", "hearing_date")
                .put("type", "date")
                .put("source", "guide")
                .put("confidence", "high");
        given().header("Authorization", CURATOR)
                .header("If-Match", tag2)
                .contentType("application/json")
                .body(third.toString())
                .put("/api/v1/datasets/" + id)
                .then()
                .statusCode(201)
                .body("version", equalTo(3));

        // Then each diff names exactly what changed, with before and after
        JsonPath d12 = diff(id, 1, 2);
        assertThat(d12.getList("dataset", Map.class))
                .containsExactly(Map.of(
                        "path",
                        "title",
                        "kind",
                        "changed",
                        "before",
                        "Test dataset history",
                        "after",
                        "History, second edition"));
        assertThat(d12.getList("codes.path")).containsExactly("lookups/test-sex/codes/U");
        assertThat(d12.getList("codes.kind")).containsExactly("added");
        assertThat(d12.getList("tables")).isEmpty();
        assertThat(d12.getList("variables")).isEmpty();

        JsonPath d23 = diff(id, 2, 3);
        assertThat(d23.getList("dataset")).isEmpty();
        assertThat(d23.getList("codes")).isEmpty();
        assertThat(d23.getList("tables.path")).containsExactly("tables/hearings");
        assertThat(d23.getList("variables.path"))
                .containsExactly("tables/cases/variables/court", "tables/hearings/variables/hearing_date");
        assertThat(d23.getList("variables.kind")).containsOnly("added");

        JsonPath d31 = diff(id, 3, 1);
        assertThat(d31.getList("tables.kind")).containsExactly("removed");
        assertThat(d31.getList("dataset.before")).containsExactly("History, second edition");

        // And the change feed lists the three publications in order, resumable by cursor
        JsonPath feed = given().queryParam("since", cursor)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> changes = feed.getList("changes");
        assertThat(changes)
                .extracting(c -> c.get("datasetId") + "@" + c.get("version"))
                .containsExactly(id + "@1", id + "@2", id + "@3");
        assertThat(changes)
                .extracting(c -> Long.parseLong((String) c.get("cursor")))
                .isSorted();
        String afterFirst = (String) changes.get(0).get("cursor");
        assertThat(given().queryParam("since", afterFirst)
                        .get("/api/v1/changes")
                        .jsonPath()
                        .getList("changes.version", Integer.class))
                .containsExactly(2, 3);
        assertThat(given().queryParam("since", feed.getString("nextCursor"))
                        .get("/api/v1/changes")
                        .jsonPath()
                        .getList("changes"))
                .isEmpty();
        String firstTime = (String) changes.get(0).get("publishedAt");
        assertThat(given().queryParam("since", "2000-01-01")
                        .get("/api/v1/changes")
                        .jsonPath()
                        .getList("changes.datasetId"))
                .contains(id);
        assertThat(firstTime).isNotBlank();

        // And release 1 is still served exactly as it was; the current release is 3
        assertThat(given().get("/api/v1/datasets/" + id + "/releases/1")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .isEqualTo(release1);
        given().get("/api/v1/datasets/" + id).then().statusCode(200).body("release.version", equalTo(3));

        // And the audit log says who made each release, from what
        JsonPath audit = given().header("Authorization", CURATOR)
                .queryParam("dataset", id)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(audit.getList("entries.version", Integer.class)).containsExactly(3, 2, 1);
        assertThat(audit.getList("entries.actor")).containsOnly("alice");
        assertThat(audit.getList("entries.origin"))
                .containsExactly(
                        "PUT /api/v1/datasets/" + id, "PATCH /api/v1/datasets/" + id, "PUT /api/v1/datasets/" + id);
    }

    @Test
    void draftsAreForCuratorsUntilPublished() {
        String id = "drafted";
        String tag = given().header("Authorization", CURATOR)
                .contentType("application/json")
                .body(Documents.dataset(id).toString())
                .put("/api/v1/datasets/" + id)
                .then()
                .statusCode(201)
                .extract()
                .header("ETag");
        String draftTag = given().header("Authorization", CURATOR)
                .header("If-Match", tag)
                .queryParam("status", "draft")
                .contentType("application/merge-patch+json")
                .body("{\"description\": \"Not yet public.\"}")
                .patch("/api/v1/datasets/" + id)
                .then()
                .statusCode(201)
                .body("status", equalTo("draft"))
                .extract()
                .header("ETag");
        assertThat(draftTag).isNotEqualTo(tag);

        // The public sees release 1 only
        given().get("/api/v1/datasets/" + id)
                .then()
                .body("release.version", equalTo(1))
                .body("description", equalTo("A dataset written by a test."));
        assertThat(given().get("/api/v1/datasets/" + id + "/releases")
                        .jsonPath()
                        .getList("version", Integer.class))
                .containsExactly(1);
        given().get("/api/v1/datasets/" + id + "/releases/2").then().statusCode(401);
        given().get("/api/v1/datasets/" + id + "/diff?from=1&to=2").then().statusCode(401);
        given().header("Authorization", CURATOR)
                .get("/api/v1/datasets/" + id + "/releases/2")
                .then()
                .statusCode(200)
                .body("description", equalTo("Not yet public."));
        assertThat(given().header("Authorization", CURATOR)
                        .get("/api/v1/datasets/" + id + "/releases?status=draft")
                        .jsonPath()
                        .getList("version", Integer.class))
                .containsExactly(2);
        String cursor = given().get("/api/v1/changes").jsonPath().getString("nextCursor");
        assertThat(given().get("/datasets/" + id + ".nt")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .as("harvesters do not see the draft")
                .doesNotContain("/datasets/" + id + "/releases/2");

        String beforePublication =
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString();
        assertThat(given().queryParam("modified_since", beforePublication)
                        .get("/catalog.nt")
                        .asString())
                .doesNotContain("/datasets/" + id + ">");

        // Publishing with the old tag fails; with the current one the draft becomes current and enters the feed
        given().header("Authorization", CURATOR)
                .header("If-Match", tag)
                .post("/api/v1/datasets/" + id + "/releases/2/publish")
                .then()
                .statusCode(412)
                .body("type", equalTo("/problems/precondition-failed"));
        given().header("Authorization", CURATOR)
                .header("If-Match", draftTag)
                .post("/api/v1/datasets/" + id + "/releases/2/publish")
                .then()
                .statusCode(201)
                .body("status", equalTo("published"));
        given().get("/api/v1/datasets/" + id)
                .then()
                .body("release.version", equalTo(2))
                .body("description", equalTo("Not yet public."));
        assertThat(given().get("/datasets/" + id + ".nt")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains("/datasets/" + id + "/releases/2");
        assertThat(given().queryParam("modified_since", beforePublication)
                        .get("/catalog.nt")
                        .asString())
                .as("harvesting by modified_since sees the publication")
                .contains("/datasets/" + id + ">");
        assertThat(given().queryParam("since", cursor)
                        .get("/api/v1/changes")
                        .jsonPath()
                        .getList("changes.version", Integer.class))
                .containsExactly(2);
        String current = given().get("/api/v1/datasets/" + id).header("ETag");
        given().header("Authorization", CURATOR)
                .header("If-Match", current)
                .post("/api/v1/datasets/" + id + "/releases/2/publish")
                .then()
                .statusCode(409);
    }

    @Test
    void aDraftOlderThanTheCurrentReleaseIsNotPublished() {
        String id = "stale-draft";
        String tag = given().header("Authorization", CURATOR)
                .contentType("application/json")
                .body(Documents.dataset(id).toString())
                .put("/api/v1/datasets/" + id)
                .then()
                .statusCode(201)
                .extract()
                .header("ETag");
        String draftTag = given().header("Authorization", CURATOR)
                .header("If-Match", tag)
                .queryParam("status", "draft")
                .contentType("application/merge-patch+json")
                .body("{\"description\": \"An old draft.\"}")
                .patch("/api/v1/datasets/" + id)
                .then()
                .statusCode(201)
                .body("version", equalTo(2))
                .extract()
                .header("ETag");
        String current = given().header("Authorization", CURATOR)
                .header("If-Match", draftTag)
                .contentType("application/merge-patch+json")
                .body("{\"description\": \"Newer and published.\"}")
                .patch("/api/v1/datasets/" + id)
                .then()
                .statusCode(201)
                .body("version", equalTo(3))
                .body("status", equalTo("published"))
                .extract()
                .header("ETag");

        given().header("Authorization", CURATOR)
                .header("If-Match", current)
                .post("/api/v1/datasets/" + id + "/releases/2/publish")
                .then()
                .statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("/problems/conflict"))
                .body("detail", containsString("release 3"));
        given().get("/api/v1/datasets/" + id)
                .then()
                .body("release.version", equalTo(3))
                .body("description", equalTo("Newer and published."));
    }

    @Test
    void writesNeedIfMatchAndAnUnchangedDocumentMakesNoRelease() {
        String id = "conditional";
        given().header("Authorization", CURATOR)
                .contentType("application/json")
                .body(Documents.dataset(id).toString())
                .put("/api/v1/datasets/" + id)
                .then()
                .statusCode(201);
        given().header("Authorization", CURATOR)
                .contentType("application/json")
                .body(Documents.dataset(id).toString())
                .put("/api/v1/datasets/" + id)
                .then()
                .statusCode(428)
                .body("type", equalTo("/problems/precondition-required"));
        given().header("Authorization", CURATOR)
                .header("If-None-Match", "*")
                .contentType("application/json")
                .body(Documents.dataset(id).toString())
                .put("/api/v1/datasets/" + id)
                .then()
                .statusCode(412);
        String tag = given().get("/api/v1/datasets/" + id).header("ETag");
        given().header("Authorization", CURATOR)
                .header("If-Match", tag)
                .contentType("application/json")
                .body(Documents.dataset(id).toString())
                .put("/api/v1/datasets/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(1));
        given().header("Authorization", CURATOR)
                .header("If-Match", "W/" + tag)
                .contentType("application/merge-patch+json")
                .body("{\"title\": \"Weak tags do not match\"}")
                .patch("/api/v1/datasets/" + id)
                .then()
                .statusCode(412);
        given().header("Authorization", CURATOR)
                .header("If-Match", tag)
                .contentType("application/merge-patch+json")
                .body("{\"title\": \"x\"}")
                .patch("/api/v1/datasets/no-such-dataset")
                .then()
                .statusCode(404);
        assertThat(given().get("/api/v1/datasets/" + id + "/releases")
                        .jsonPath()
                        .getList("version"))
                .hasSize(1);
    }

    private static JsonPath diff(String id, int from, int to) {
        return given().queryParam("from", from)
                .queryParam("to", to)
                .get("/api/v1/datasets/" + id + "/diff")
                .then()
                .statusCode(200)
                .body("from", equalTo(from))
                .body("to", equalTo(to))
                .extract()
                .jsonPath();
    }
}
