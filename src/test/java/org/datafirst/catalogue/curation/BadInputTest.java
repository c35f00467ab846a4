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

    /** Adds a role group of the report's dataset (records split 600 / 400 until a case changes them). */
    static ObjectNode role(ObjectNode report, String role) {
        ObjectNode group = report.withArray("groups").get(0).deepCopy();
        group.put("role", role);
        group.put("records", "applicant".equals(role) ? 600 : 400);
        group.set("records_with_duplicates", suppressed());
        group.set("cluster_size_distribution", Documents.json("{}"));
        report.withArray("groups").add(group);
        return group;
    }

    static ObjectNode suppressed() {
        return Documents.json("{\"suppressed\": true, \"reason\": \"count below 10\"}");
    }

    /** An evaluation at one threshold: 380 true pairs, 360 found, 40 false. */
    static ObjectNode evaluation(ObjectNode report) {
        if (!report.has("evaluation")) {
            ObjectNode row = Documents.json("""
                    {"threshold_match_probability": 0.5, "true_positives": 360, "false_positives": 40,
                     "false_negatives": 20,
                     "precision": {"value": 0.9, "ci95_lower": 0.87, "ci95_upper": 0.92},
                     "recall": {"value": 0.947368, "ci95_lower": 0.92, "ci95_upper": 0.97},
                     "f1": {"value": 0.923, "ci95_lower": 0.9, "ci95_upper": 0.94}}""");
            ObjectNode evaluation = report.putObject("evaluation");
            evaluation.put("method", "clerical labels");
            evaluation.put("interval_method", "Wilson");
            evaluation.put("true_pairs", 380);
            evaluation.set("at_threshold", row);
            evaluation.set("best_f1", row.deepCopy());
            evaluation.putArray("across_thresholds");
        }
        return report.with("evaluation");
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
                        "dangling source of the access lead time",
                        "PUT",
                        DATASET,
                        JSON,
                        document(d -> d.putObject("deliveryLeadTime")
                                .put("value", "2-6 months")
                                .put("source", "nowhere")),
                        422,
                        "/deliveryLeadTime/source"),
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
                // number forms and differencing attacks: each suppressed count given back by the published figures
                Arguments.of(
                        "count written 5.0",
                        "POST",
                        REPORTS,
                        JSON,
                        report(r -> r.with("overall").put("clusters", 5.0)),
                        422,
                        "/overall/clusters"),
                Arguments.of(
                        "count written 5e0",
                        "POST",
                        REPORTS,
                        JSON,
                        report(r -> {}).replaceFirst("\"clusters\":700", "\"clusters\":5e0"),
                        422,
                        "/overall/clusters"),
                Arguments.of(
                        "large count written 1000.0",
                        "POST",
                        REPORTS,
                        JSON,
                        report(r -> r.with("overall").put("records", 1000.0)),
                        422,
                        "/overall/records"),
                Arguments.of(
                        "a dataset total minus its other roles",
                        "POST",
                        REPORTS,
                        JSON,
                        report(r -> {
                            ObjectNode applicant = role(r, "applicant");
                            applicant.put("records", 995);
                            ObjectNode respondent = role(r, "respondent");
                            respondent.set("records", suppressed());
                            respondent.with("identifier_completeness").set("surname", suppressed());
                        }),
                        422,
                        "/groups/2/records"),
                Arguments.of(
                        "true pairs minus false negatives",
                        "POST",
                        REPORTS,
                        JSON,
                        report(r -> {
                            ObjectNode evaluation = evaluation(r);
                            ObjectNode at = evaluation.with("at_threshold");
                            at.set("true_positives", suppressed());
                            at.put("false_negatives", 375);
                            for (String m : List.of("precision", "recall", "f1")) {
                                at.set(m, suppressed());
                            }
                        }),
                        422,
                        "/evaluation/at_threshold/true_positives"),
                Arguments.of(
                        "a histogram total minus the other bins",
                        "POST",
                        REPORTS,
                        JSON,
                        report(r -> {
                            var bins = r.with("overall").withArray("match_weight_histogram");
                            ((ObjectNode) bins.get(0)).put("pairs", 24995);
                            bins.addObject()
                                    .put("lower_weight", 2)
                                    .put("upper_weight", 3)
                                    .set("pairs", suppressed());
                        }),
                        422,
                        "/overall/match_weight_histogram/1/pairs"),
                Arguments.of(
                        "a rate times its published total",
                        "POST",
                        REPORTS,
                        JSON,
                        report(r -> ((ObjectNode) r.withArray("groups").get(0))
                                .with("identifier_completeness")
                                .put("surname", 0.995)),
                        422,
                        "/groups/0/identifier_completeness/surname"),
                Arguments.of(
                        "a rate beside its suppressed count",
                        "POST",
                        REPORTS,
                        JSON,
                        report(r -> ((ObjectNode) r.withArray("groups").get(0)).put("duplicate_rate", 0.005)),
                        422,
                        "/groups/0/duplicate_rate"),
                Arguments.of(
                        "a complement: records minus records with duplicates",
                        "POST",
                        REPORTS,
                        JSON,
                        report(r -> ((ObjectNode) r.withArray("groups").get(0)).put("records_with_duplicates", 996)),
                        422,
                        "/groups/0/records_with_duplicates"),
                Arguments.of(
                        "scored pairs minus accepted pairs",
                        "POST",
                        REPORTS,
                        JSON,
                        report(r -> r.with("overall").put("accepted_pairs", 24995)),
                        422,
                        "/overall/accepted_pairs"),
                Arguments.of(
                        "one threshold minus the next",
                        "POST",
                        REPORTS,
                        JSON,
                        report(r -> {
                            ObjectNode next =
                                    evaluation(r).withArray("across_thresholds").addObject();
                            next.setAll(evaluation(r).with("at_threshold").deepCopy());
                            next.put("threshold_match_probability", 0.4);
                            next.put("true_positives", 364);
                            next.put("false_negatives", 16);
                        }),
                        422,
                        "/evaluation/across_thresholds/0/true_positives"),
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
