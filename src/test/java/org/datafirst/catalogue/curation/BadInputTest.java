package org.datafirst.catalogue.curation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.datafirst.catalogue.support.Documents;
import org.datafirst.catalogue.support.IsolatedStoreProfile;
import org.datafirst.catalogue.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus: every case is a 4xx problem+json naming where the input is wrong (a JSON
 * pointer, a parameter or a header), and nothing is written.
 */
@QuarkusTest
@TestProfile(IsolatedStoreProfile.class)
class BadInputTest {

    private static final String ID = "corpus";
    private static final String CURATOR = Tokens.curator("alice");
    private static final String DATASET = "/api/v1/datasets/" + ID;
    private static final String REPORTS = DATASET + "/linkage-quality";
    private static final String JSON = "application/json";
    private static final String PATCH = "application/merge-patch+json";
    private static final String HUGE = "{\"notes\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";

    static String document(Consumer<ObjectNode> change) {
        ObjectNode document = Documents.dataset(ID);
        change.accept(document);
        return document.toString();
    }

    static ObjectNode variable(ObjectNode document, int table, int index) {
        return (ObjectNode)
                document.withArray("tables").get(table).withArray("variables").get(index);
    }

    static String report(Consumer<ObjectNode> change) {
        ObjectNode report = Documents.linkageQualityReport();
        change.accept(report);
        return report.toString();
    }

    /** name, method, path, content type, body, status, where (pointer, parameter or header named in the problem) */
    static Stream<Arguments> corpus() {
        return Stream.of(
                // PUT: a whole dictionary
                Arguments.of("malformed JSON", "PUT", DATASET, JSON, "{\"id\": \"corpus\",", 422, "line 1"),
                Arguments.of("empty body", "PUT", DATASET, JSON, "", 422, "empty"),
                Arguments.of(
                        "YAML instead of JSON", "PUT", DATASET, JSON, "id: corpus\ntitle: x\n", 422, "not valid JSON"),
                Arguments.of(
                        "duplicate JSON member",
                        "PUT",
                        DATASET,
                        JSON,
                        "{\"id\": \"corpus\", \"id\": \"corpus\"}",
                        422,
                        "Duplicate field"),
                Arguments.of("array instead of object", "PUT", DATASET, JSON, "[1, 2]", 422, "#: "),
                Arguments.of(
                        "title of the wrong type",
                        "PUT",
                        DATASET,
                        JSON,
                        document(d -> d.put("title", 42)),
                        422,
                        "/title"),
                Arguments.of(
                        "tables of the wrong type",
                        "PUT",
                        DATASET,
                        JSON,
                        document(d -> d.put("tables", "cases")),
                        422,
                        "/tables"),
                Arguments.of(
                        "sensitive flag as text",
                        "PUT",
                        DATASET,
                        JSON,
                        document(d -> variable(d, 0, 0).put("sensitive", "yes")),
                        422,
                        "/tables/0/variables/0/sensitive"),
                Arguments.of(
                        "unknown top-level field",
                        "PUT",
                        DATASET,
                        JSON,
                        document(d -> d.put("colour", "red")),
                        422,
                        "colour"),
                Arguments.of(
                        "unknown variable field",
                        "PUT",
                        DATASET,
                        JSON,
                        document(d -> variable(d, 0, 1).put("colour", "red")),
                        422,
                        "/tables/0/variables/1"),
                Arguments.of(
                        "overlong title",
                        "PUT",
                        DATASET,
                        JSON,
                        document(d -> d.put("title", "t".repeat(301))),
                        422,
                        "/title"),
                Arguments.of(
                        "overlong description",
                        "PUT",
                        DATASET,
                        JSON,
                        document(d -> d.put("description", "d".repeat(8001))),
                        422,
                        "/description"),
                Arguments.of(
                        "missing required title", "PUT", DATASET, JSON, document(d -> d.remove("title")), 422, "title"),
                Arguments.of(
                        "unknown variable type",
                        "PUT",
                        DATASET,
                        JSON,
                        document(d -> variable(d, 0, 0).put("type", "colour")),
                        422,
                        "/tables/0/variables/0/type"),
                Arguments.of(
                        "impossible date",
                        "PUT",
                        DATASET,
                        JSON,
                        document(d -> ((ObjectNode) d.withArray("coverage").get(0)).put("start", "2023-02-30")),
                        422,
                        "/coverage/0/start"),
                Arguments.of(
                        "date in the wrong format",
                        "PUT",
                        DATASET,
                        JSON,
                        document(d -> ((ObjectNode) d.withArray("coverage").get(0)).put("end", "31/03/2023")),
                        422,
                        "/coverage/0/end"),
                Arguments.of(
                        "coverage ending before it starts",
                        "PUT",
                        DATASET,
                        JSON,
                        document(d -> ((ObjectNode) d.withArray("coverage").get(0)).put("end", "2001-01-01")),
                        422,
                        "/coverage/0/end"),
                Arguments.of(
                        "duplicate table name",
                        "PUT",
                        DATASET,
                        JSON,
                        document(d -> d.withArray("tables")
                                .add(d.withArray("tables").get(0).deepCopy())),
                        422,
                        "/tables/1/name"),
                Arguments.of(
                        "duplicate variable name",
                        "PUT",
                        DATASET,
                        JSON,
                        document(d -> variable(d, 0, 1).put("name", "case_id_hash")),
                        422,
                        "/tables/0/variables/1/name"),
                Arguments.of(
                        "duplicate lookup code",
                        "PUT",
                        DATASET,
                        JSON,
                        document(d -> ((ObjectNode) d.withArray("lookups")
                                        .get(0)
                                        .withArray("codes")
                                        .get(1))
                                .put("code", "F")),
                        422,
                        "/lookups/0/codes/1/code"),
                Arguments.of(
                        "dangling lookup reference",
                        "PUT",
                        DATASET,
                        JSON,
                        document(d -> variable(d, 0, 1).put("lookup", "no-such-lookup")),
                        422,
                        "/tables/0/variables/1/lookup"),
                Arguments.of(
                        "dangling source reference",
                        "PUT",
                        DATASET,
                        JSON,
                        document(d -> ((ObjectNode) d.withArray("tables").get(0)).put("source", "nowhere")),
                        422,
                        "/tables/0/source"),
                Arguments.of(
                        "Unicode non-character in a variable",
                        "PUT",
                        DATASET,
                        JSON,
                        document(d -> variable(d, 0, 1).put("description", "CHAR"))
                                .replace("CHAR", "\\uFDD0"),
                        422,
                        "/tables/0/variables/1/description"),
                Arguments.of(
                        "U+FFFF in a field name",
                        "PUT",
                        DATASET,
                        JSON,
                        document(d -> {}).replaceFirst("\"title\"", "\"ti\\\\uFFFFtle\""),
                        422,
                        "/ti\uFFFFtle"),
                Arguments.of(
                        "id differing from the path",
                        "PUT",
                        DATASET,
                        JSON,
                        document(d -> d.put("id", "other")),
                        422,
                        "/id"),
                Arguments.of("wrong content type", "PUT", DATASET, "text/plain", document(d -> {}), 415, null),
                Arguments.of("oversized body", "PUT", DATASET, JSON, HUGE, 413, "body"),
                Arguments.of(
                        "unknown release status",
                        "PUT",
                        DATASET + "?status=final",
                        JSON,
                        document(d -> d.put("title", "New")),
                        400,
                        "status"),
                // PATCH: edit fields
                Arguments.of("malformed patch", "PATCH", DATASET, PATCH, "{\"title\": ", 422, "line 1"),
                Arguments.of("patch that is not an object", "PATCH", DATASET, PATCH, "[]", 422, "#: "),
                Arguments.of("patch changing the id", "PATCH", DATASET, PATCH, "{\"id\": \"renamed\"}", 422, "/id"),
                Arguments.of(
                        "patch with a wrong type",
                        "PATCH",
                        DATASET,
                        PATCH,
                        "{\"approvals\": \"DAP\"}",
                        422,
                        "/approvals"),
                Arguments.of(
                        "patch removing a required field", "PATCH", DATASET, PATCH, "{\"title\": null}", 422, "title"),
                Arguments.of(
                        "patch with an unknown field", "PATCH", DATASET, PATCH, "{\"colour\": \"red\"}", 422, "colour"),
                Arguments.of(
                        "patch with an overlong string",
                        "PATCH",
                        DATASET,
                        PATCH,
                        "{\"title\": \"" + "t".repeat(301) + "\"}",
                        422,
                        "/title"),
                Arguments.of(
                        "patch with an invalid date",
                        "PATCH",
                        DATASET,
                        PATCH,
                        "{\"coverage\": [{\"start\": \"2023-13-01\", \"basis\": \"x\"}]}",
                        422,
                        "/coverage/0/start"),
                Arguments.of(
                        "patch with a dangling lookup",
                        "PATCH",
                        DATASET,
                        PATCH,
                        "{\"tables\": [{\"name\": \"t\", \"grain\": \"g\", \"source\": \"guide\", \"variables\": [{\"name\": \"v\", \"type\": \"string\", \"source\": \"guide\", \"confidence\": \"high\", \"lookup\": \"nope\"}]}]}",
                        422,
                        "/tables/0/variables/0/lookup"),
                Arguments.of(
                        "patch with U+FFFF",
                        "PATCH",
                        DATASET,
                        PATCH,
                        "{\"description\": \"ends \\uFFFF\"}",
                        422,
                        "/description: holds the Unicode non-character U+FFFF"),
                Arguments.of(
                        "patch with a lone surrogate",
                        "PATCH",
                        DATASET,
                        PATCH,
                        "{\"title\": \"half \\uD83D pair\"}",
                        422,
                        "/title: holds a lone surrogate U+D83D"),
                Arguments.of(
                        "patch with a NUL character",
                        "PATCH",
                        DATASET,
                        PATCH,
                        "{\"notes\": \"a\\u0000b\"}",
                        422,
                        "/notes: holds the control character U+0000"),
                Arguments.of("patch as text/plain", "PATCH", DATASET, "text/plain", "{\"title\": \"x\"}", 415, null),
                Arguments.of("oversized patch", "PATCH", DATASET, PATCH, HUGE, 413, "body"),
                // Publishing a release
                Arguments.of(
                        "release number that is not a number",
                        "POST",
                        DATASET + "/releases/first/publish",
                        JSON,
                        "",
                        400,
                        "version"),
                Arguments.of(
                        "release that does not exist", "POST", DATASET + "/releases/99/publish", JSON, "", 404, null),
                // Linkage-quality reports
                Arguments.of("malformed report", "POST", REPORTS, JSON, "{\"format\": ", 422, "line 1"),
                Arguments.of(
                        "report without format", "POST", REPORTS, JSON, report(r -> r.remove("format")), 422, "format"),
                Arguments.of(
                        "report of another format",
                        "POST",
                        REPORTS,
                        JSON,
                        report(r -> r.put("format", "other/2")),
                        422,
                        "/format"),
                Arguments.of(
                        "count as text",
                        "POST",
                        REPORTS,
                        JSON,
                        report(r -> r.with("overall").put("records", "many")),
                        422,
                        "/overall/records"),
                Arguments.of(
                        "negative count",
                        "POST",
                        REPORTS,
                        JSON,
                        report(r -> r.with("overall").put("clusters", -1)),
                        422,
                        "/overall/clusters"),
                Arguments.of(
                        "invalid run date",
                        "POST",
                        REPORTS,
                        JSON,
                        report(r -> r.with("provenance").put("run_started", "yesterday")),
                        422,
                        "/provenance/run_started"),
                Arguments.of(
                        "rate above one",
                        "POST",
                        REPORTS,
                        JSON,
                        report(r -> ((ObjectNode) r.withArray("groups").get(0)).put("duplicate_rate", 1.5)),
                        422,
                        "/groups/0/duplicate_rate"),
                Arguments.of(
                        "small count in a group",
                        "POST",
                        REPORTS,
                        JSON,
                        report(r -> ((ObjectNode) r.withArray("groups").get(0)).put("records", 3)),
                        422,
                        "/groups/0/records"),
                Arguments.of(
                        "small cluster-size count",
                        "POST",
                        REPORTS,
                        JSON,
                        report(r -> ((ObjectNode) r.withArray("groups").get(0))
                                .with("cluster_size_distribution")
                                .put("7", 4)),
                        422,
                        "/groups/0/cluster_size_distribution/7"),
                Arguments.of(
                        "small histogram count",
                        "POST",
                        REPORTS,
                        JSON,
                        report(r -> ((ObjectNode) r.with("overall")
                                        .withArray("match_weight_histogram")
                                        .get(0))
                                .put("pairs", 9)),
                        422,
                        "/overall/match_weight_histogram/0/pairs"),
                Arguments.of(
                        "lower disclosure threshold",
                        "POST",
                        REPORTS,
                        JSON,
                        report(r -> r.with("disclosure_control").put("minimum_count", 5)),
                        422,
                        "/disclosure_control/minimum_count"),
                Arguments.of("report as text/plain", "POST", REPORTS, "text/plain", report(r -> {}), 415, null),
                Arguments.of("oversized report", "POST", REPORTS, JSON, HUGE, 413, "body"),
                Arguments.of(
                        "report for an unknown dataset",
                        "POST",
                        "/api/v1/datasets/nobody/linkage-quality",
                        JSON,
                        report(r -> {}),
                        404,
                        null));
    }

    @BeforeEach
    void theDatasetExists() {
        if (given().get(DATASET).statusCode() == 404) {
            given().header("Authorization", CURATOR)
                    .contentType(JSON)
                    .body(Documents.dataset(ID).toString())
                    .put(DATASET)
                    .then()
                    .statusCode(201);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isAProblemNamingTheLocationAndWritesNothing(
            String name, String method, String path, String contentType, String body, int status, String where) {
        String before = state();
        String etag = given().get(DATASET).header("ETag");
        var request = given().header("Authorization", CURATOR)
                .header("If-Match", etag)
                .contentType(contentType);
        Response response = (body.isEmpty() ? request : request.body(body)).request(method, path);

        response.then()
                .statusCode(status)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(status))
                .body("instance", equalTo(path.replaceAll("\\?.*", "")));
        if (where != null) {
            List<Map<String, String>> errors = response.jsonPath().getList("errors");
            assertThat(errors).as("located errors").isNotEmpty();
            assertThat(errors.stream()
                            .map(e -> e.get("location") + "#" + e.get("pointer") + ": " + e.get("message"))
                            .toList())
                    .as(response.asString())
                    .anySatisfy(e -> assertThat(e).contains(where));
        }
        assertThat(state()).as("nothing written").isEqualTo(before);
    }

    @Test
    void aValidReportIsStoredPerDatasetAndRoleAndServed() {
        given().header("Authorization", CURATOR)
                .contentType(JSON)
                .body(report(r -> {}))
                .post(REPORTS)
                .then()
                .statusCode(201)
                .body("releaseVersion", equalTo(1))
                .body("groups[0].sourceDataset", equalTo("corpus"))
                .body("groups[0].role", equalTo("(all)"));
        given().get(REPORTS)
                .then()
                .statusCode(200)
                .body("report.overall.records", equalTo(1000))
                .body("report.groups[0].records_with_duplicates.suppressed", equalTo(true));
    }

    private static String state() {
        return given().header("Authorization", CURATOR)
                        .get(DATASET + "/releases?status=all")
                        .asString()
                + given().header("Authorization", CURATOR)
                        .get("/api/v1/audit")
                        .jsonPath()
                        .getLong("total")
                + given().get("/api/v1/datasets/other").statusCode()
                + given().get("/api/v1/changes").asString();
    }
}
