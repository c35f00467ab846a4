package org.datafirst.linkage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.datafirst.linkage.SmallCounts;
import org.datafirst.linkage.TestDb;
import org.datafirst.linkage.TestSchemas;
import org.datafirst.linkage.TestSpark;
import org.datafirst.linkage.crossjustice.CrossJusticePipeline;
import org.datafirst.linkage.crossjustice.PipelineConfig;
import org.datafirst.linkage.crossjustice.PipelineConfigParser;
import org.datafirst.linkage.crossjustice.StageRunner;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.engine.FileFormat;
import org.datafirst.linkage.io.ModelJson;
import org.datafirst.linkage.sql.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code linkage pipeline} on fake_200 split into three datasets: {@code a} (100 records), {@code b} (80, two
 * roles) and {@code c} (20 records, too small to train, deduplicated with the model trained on a and b); one
 * link-only model across all three. Outputs in the real shapes, stages skipped and resumed, bad pipeline
 * files refused before any work.
 */
class PipelineCommandTest {

    @TempDir
    static Path data;

    @BeforeAll
    static void splitFake200IntoThreeDatasets() throws IOException {
        try (Engine db = TestDb.open()) {
            String src = "read_csv("
                    + Sql.string(Path.of(LinkageCliTest.FAKE).toAbsolutePath().toString()) + ", all_varchar = true)";
            db.execute("COPY (SELECT *, 'defendant' AS role FROM " + src
                    + " WHERE unique_id::INT % 10 <> 9 AND unique_id::INT % 2 = 0) TO "
                    + Sql.string(data.resolve("a.csv").toString()) + " (HEADER)");
            db.execute(
                    "COPY (SELECT *, CASE WHEN unique_id::INT % 4 = 1 THEN 'applicant' ELSE 'respondent' END AS role FROM "
                            + src + " WHERE unique_id::INT % 10 <> 9 AND unique_id::INT % 2 = 1) TO "
                            + Sql.string(data.resolve("b.csv").toString()) + " (HEADER)");
            db.execute("COPY (SELECT *, 'offender' AS role FROM " + src + " WHERE unique_id::INT % 10 = 9) TO "
                    + Sql.string(data.resolve("c.csv").toString()) + " (HEADER)");
            db.execute("COPY (SELECT * EXCLUDE (email), 'offender' AS role FROM " + src
                    + " WHERE unique_id::INT % 10 = 9) TO "
                    + Sql.string(data.resolve("c_no_email.csv").toString()) + " (HEADER)");
        }
        ObjectNode dedupe = (ObjectNode)
                ModelJson.MAPPER.readTree(Path.of(LinkageCliTest.SETTINGS).toFile());
        ModelJson.MAPPER.writeValue(data.resolve("dedupe.json").toFile(), dedupe);
        ModelJson.MAPPER.writeValue(
                data.resolve("link.json").toFile(), dedupe.deepCopy().put("link_type", "link_only"));
        Files.writeString(data.resolve("pipeline.json"), PIPELINE);
    }

    static final String PIPELINE = """
            {"models": [{"name": "ab", "settings": "dedupe.json", "train_on": ["a", "b"]},
                        {"name": "xjs", "settings": "link.json"}],
             "sources": [{"dataset": "a", "file": "a.csv", "role_column": "role", "model": "ab", "person_id_column": "estimated_a_id"},
                         {"dataset": "b", "file": "b.csv", "role_column": "role", "model": "ab"},
                         {"dataset": "c", "file": "c.csv", "model": "ab", "person_id_column": "estimated_offender_id"}],
             "cross_dataset": {"model": "xjs", "person_id_column": "estimated_xjs_id"}}
            """;

    static LinkageCliTest.Result pipeline(Path config, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "pipeline",
                "-q",
                "--threads",
                "1",
                "--memory-limit",
                "512MB",
                "--format",
                "CSV",
                "--config",
                config.toString(),
                "-o",
                out.toString()));
        args.addAll(List.of(more));
        return LinkageCliTest.run(args.toArray(String[]::new));
    }

    @Test
    void writesEachDatasetsIdsTheCrossJusticeLookupAndOneReport(@TempDir Path out) throws Exception {
        var r = pipeline(data.resolve("pipeline.json"), out, "--truth-column", "cluster");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "stages: 8 ran, 0 skipped",
                        "cross-justice (estimated_xjs_id): records 200",
                        "person ids vs truth");

        // Then: per dataset unique_id -> its own person id; the lookup in the shape of xjs_link
        List<String> a = Files.readAllLines(out.resolve("datasets/a/person_ids.csv"));
        assertThat(a.get(0)).isEqualTo("unique_id,estimated_a_id");
        assertThat(a).hasSize(101);
        assertThat(Files.readAllLines(out.resolve("datasets/b/person_ids.csv")).get(0))
                .isEqualTo("unique_id,estimated_b_id");
        assertThat(Files.readAllLines(out.resolve("datasets/c/person_ids.csv"))).hasSize(21);
        List<String> lookup = Files.readAllLines(out.resolve("linking_lookup.csv"));
        assertThat(lookup.get(0)).isEqualTo("row_id_hash,source_dataset,estimated_xjs_id");
        assertThat(lookup).hasSize(201);

        // Then: a within-dataset id never spans two cross-justice ids, and the cross-justice id links across datasets
        Map<String, String> xjs = new HashMap<>();
        lookup.stream().skip(1).map(l -> l.split(",")).forEach(f -> xjs.put(f[0], f[2]));
        Set<String> linkedAcross = new HashSet<>();
        for (String d : List.of("a", "b", "c")) {
            Map<String, Set<String>> spans = new HashMap<>();
            for (String line : Files.readAllLines(out.resolve("datasets/" + d + "/person_ids.csv"))
                    .subList(
                            1,
                            0
                                    + (int) Files.lines(out.resolve("datasets/" + d + "/person_ids.csv"))
                                            .count())) {
                String[] f = line.split(",");
                String id = xjs.get(rowIdHash(d, f[0]));
                assertThat(id).as("lookup row of %s %s", d, f[0]).isNotNull();
                spans.computeIfAbsent(f[1], k -> new HashSet<>()).add(id);
                linkedAcross.add(d + ":" + id);
            }
            assertThat(spans.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        }
        assertThat(linkedAcross.stream().map(s -> s.substring(2)).distinct().count())
                .isLessThan(linkedAcross.size());

        // Then: one report with each dataset, the cross-justice report and the dataset x dataset matrix
        JsonNode report =
                ModelJson.MAPPER.readTree(out.resolve("quality-report.json").toFile());
        assertThat(report.path("format").asText()).isEqualTo("datafirst-linkage-pipeline-report/1");
        assertThat(report.path("datasets")).hasSize(3);
        assertThat(report.path("datasets").get(2).path("model").asText()).isEqualTo("ab");
        assertThat(report.path("cross_justice").path("report").path("groups").toString())
                .contains("applicant", "respondent");
        JsonNode matrix = report.path("cross_dataset_link_matrix");
        assertThat(matrix.path("datasets").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
        assertThat(matrix.path("rows").get(0).path("link_rates").has("b")).isTrue();
        assertThat(report.path("cross_justice")
                        .path("report")
                        .path("evaluation")
                        .path("clusters")
                        .has("pairwise"))
                .isTrue();
        assertThat(SmallCounts.in(report)).isEmpty();

        // Then: each stage's report is a module report the catalogue accepts (publish sends one of them)
        JsonSchema schema = TestSchemas.report();
        assertThat(schema.validate(report.path("datasets").get(1).path("report")))
                .isEmpty();
        assertThat(schema.validate(report.path("cross_justice").path("report"))).isEmpty();
    }

    /** The files of a pipeline run that carry ids, each as its set of lines (row order is the engine's). */
    static Map<String, Set<String>> idFiles(Path out) throws IOException {
        Map<String, Set<String>> files = new TreeMap<>();
        for (String f : List.of(
                "datasets/a/person_ids.csv",
                "datasets/b/person_ids.csv",
                "datasets/c/person_ids.csv",
                "linking_lookup.csv")) {
            files.put(f, new TreeSet<>(Files.readAllLines(out.resolve(f))));
        }
        return files;
    }

    /**
     * Spark gives DuckDB's ids on a first run and on a refresh: every dataset's person ids, the cross-justice lookup,
     * and with {@code --previous} (a DuckDB run without the last 10 records of a and b) every family's id changes.
     * Each refresh runs in a copy of its engine's first run, so its train stages are skipped (their inputs are the
     * same) and Spark trains once.
     */
    @Test
    void sparkGivesDuckDbsIdsOnAFirstRunAndOnARefresh(@TempDir Path dir) throws IOException {
        Path y1 = dir.resolve("y1");
        var earlier = pipeline(inputs(dir.resolve("in1"), 10), y1);
        assertThat(earlier.code()).as(earlier.err()).isZero();
        PipelineConfig config = PipelineConfigParser.read(inputs(dir.resolve("in2"), 0));
        Map<String, Supplier<Engine>> engines = Map.of("duckdb", TestDb::open, "spark", TestSpark::open);
        Map<String, Map<String, Set<String>>> first = new TreeMap<>();
        Map<String, Map<String, Set<String>>> refreshed = new TreeMap<>();
        for (var engine : engines.entrySet()) {
            Path out = Files.createDirectories(dir.resolve(engine.getKey()));
            var options = new CrossJusticePipeline.Options(engine.getValue(), FileFormat.CSV, 10, null, false, null);
            new CrossJusticePipeline(config, out, options, line -> {}).run();
            first.put(engine.getKey(), idFiles(out));

            Path refresh = dir.resolve(engine.getKey() + "-refresh");
            copyTree(out, refresh);
            var withPrevious = new CrossJusticePipeline.Options(engine.getValue(), FileFormat.CSV, 10, null, false, y1);
            var result = new CrossJusticePipeline(config, refresh, withPrevious, line -> {}).run();
            assertThat(result.stages().values())
                    .filteredOn(o -> o.stage().startsWith("train"))
                    .isNotEmpty()
                    .allMatch(StageRunner.Outcome::skipped);
            Map<String, Set<String>> files = idFiles(refresh);
            for (String family : List.of("datasets/a", "datasets/b", "datasets/c", "cross")) {
                files.put(
                        family + "/id_changes.csv",
                        new TreeSet<>(Files.readAllLines(refresh.resolve(family + "/id_changes.csv"))));
            }
            refreshed.put(engine.getKey(), files);
        }
        assertThat(first.get("duckdb").get("linking_lookup.csv")).hasSize(201);
        assertThat(first.get("spark")).isEqualTo(first.get("duckdb"));
        assertThat(refreshed.get("duckdb").get("cross/id_changes.csv")).anyMatch(line -> line.endsWith(",added"));
        assertThat(refreshed.get("spark")).isEqualTo(refreshed.get("duckdb"));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    @Test
    void skipsUnchangedStagesAndRerunsOnlyWhatAChangedSourceFeeds(@TempDir Path out) throws IOException {
        Path dir = Files.createDirectories(out.resolve("in"));
        for (String f : List.of("a.csv", "b.csv", "c.csv", "dedupe.json", "link.json", "pipeline.json")) {
            Files.copy(data.resolve(f), dir.resolve(f));
        }
        Path run = out.resolve("run");
        assertThat(pipeline(dir.resolve("pipeline.json"), run).code()).isZero();
        var again = pipeline(dir.resolve("pipeline.json"), run);
        assertThat(again.out()).contains("stages: 0 ran, 8 skipped");

        // When c changes (one record's surname), a and b keep their stages and the model trained on them
        List<String> c = new ArrayList<>(Files.readAllLines(dir.resolve("c.csv")));
        c.set(1, c.get(1).replaceFirst(",([^,]*),([^,]*),", ",$1,Zzyzx,"));
        Files.write(dir.resolve("c.csv"), c);
        var changed = LinkageCliTest.run(
                "pipeline",
                "--threads",
                "1",
                "--memory-limit",
                "512MB",
                "--format",
                "CSV",
                "--config",
                dir.resolve("pipeline.json").toString(),
                "-o",
                run.toString());
        assertThat(changed.code()).as(changed.err()).isZero();
        assertThat(changed.err())
                .contains(
                        "train:ab: unchanged, skipped", "dedupe:a: unchanged, skipped", "dedupe:b: unchanged, skipped")
                .contains(
                        "train:xjs: done",
                        "dedupe:c: done",
                        "predict:cross: done",
                        "cluster:cross_justice: done",
                        "report: done");
    }

    @Test
    void resumesAfterAFailureWithTheStageThatFailed(@TempDir Path out) throws IOException {
        // Given: the lookup cannot be written (a folder stands where the file goes), so the cross-justice stage fails
        Files.createDirectories(out.resolve("linking_lookup.csv").resolve("in-the-way"));
        var failed = pipeline(data.resolve("pipeline.json"), out);
        assertThat(failed.code()).isEqualTo(1);
        assertThat(Files.readString(out.resolve("pipeline-state.json")))
                .contains("predict:cross")
                .doesNotContain("cluster:cross_justice");

        // When the obstacle is gone, the next run resumes at the failed stage
        Files.delete(out.resolve("linking_lookup.csv").resolve("in-the-way"));
        Files.delete(out.resolve("linking_lookup.csv"));
        var resumed = pipeline(data.resolve("pipeline.json"), out);
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("stages: 2 ran, 6 skipped");
    }

    /** A folder holding the pipeline's inputs, each data file without its last {@code dropped} records. */
    static Path inputs(Path dir, int dropped) throws IOException {
        Files.createDirectories(dir);
        for (String f : List.of("dedupe.json", "link.json", "pipeline.json")) {
            Files.copy(data.resolve(f), dir.resolve(f));
        }
        for (String f : List.of("a.csv", "b.csv", "c.csv")) {
            List<String> lines = Files.readAllLines(data.resolve(f));
            Files.write(dir.resolve(f), lines.subList(0, lines.size() - (f.equals("c.csv") ? 0 : dropped)));
        }
        return dir.resolve("pipeline.json");
    }

    /** key (first column) → id (last column) of a CSV output. */
    static Map<String, Long> idsOf(Path csv) throws IOException {
        Map<String, Long> m = new HashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            m.put(f[0], Long.parseLong(f[f.length - 1]));
        }
        return m;
    }

    /**
     * Checks the refresh rules on one id family and returns how many earlier people kept their id: a new id whose earlier
     * records are exactly one earlier id's records keeps that id; an id of the earlier run names some of its earlier records
     * again (never reused for others); ids that are new lie above every earlier id.
     */
    static long checkCarriedOver(Map<String, Long> before, Map<String, Long> after) {
        Map<Long, Set<String>> was = new HashMap<>();
        before.forEach((k, id) -> was.computeIfAbsent(id, x -> new HashSet<>()).add(k));
        Map<Long, Set<String>> is = new HashMap<>();
        after.forEach((k, id) -> is.computeIfAbsent(id, x -> new HashSet<>()).add(k));
        long highest = was.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        long kept = 0;
        for (var e : is.entrySet()) {
            Set<Long> earlier = new HashSet<>();
            e.getValue().stream().filter(before::containsKey).forEach(k -> earlier.add(before.get(k)));
            if (earlier.size() == 1
                    && e.getValue().containsAll(was.get(earlier.iterator().next()))) {
                assertThat(e.getKey())
                        .as("unchanged person %s", was.get(earlier.iterator().next()))
                        .isEqualTo(earlier.iterator().next());
                kept++;
            }
            if (was.containsKey(e.getKey())) {
                assertThat(e.getValue())
                        .as("id %d is carried, not reused", e.getKey())
                        .containsAnyElementsOf(was.get(e.getKey()));
            } else {
                assertThat(e.getKey()).as("a new id").isGreaterThan(highest);
            }
        }
        return kept;
    }

    @Test
    void aRefreshWithPreviousKeepsUnchangedPeoplesDatasetAndCrossJusticeIds(@TempDir Path dir) throws IOException {
        // Given: a first run without the last 10 records of a and of b
        Path y1 = dir.resolve("y1");
        var first = pipeline(inputs(dir.resolve("in1"), 10), y1);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(y1.resolve("cross/state/ids.json")).exists();
        assertThat(y1.resolve("datasets/a/state/records.parquet")).exists();
        assertThat(y1.resolve("cross/id_changes.csv")).doesNotExist();

        // When: the refresh on all records carries the ids over
        Path y2 = dir.resolve("y2");
        Path all = inputs(dir.resolve("in2"), 0);
        var refresh = pipeline(all, y2, "--previous", y1.toString());
        assertThat(refresh.code()).as(refresh.err()).isZero();

        // Then: in each family, unchanged people keep their ids, new ids lie above the old ones, none is reused
        for (String d : List.of("a", "b", "c")) {
            Map<String, Long> before = idsOf(y1.resolve("datasets/" + d + "/person_ids.csv"));
            long kept = checkCarriedOver(before, idsOf(y2.resolve("datasets/" + d + "/person_ids.csv")));
            assertThat(kept).as("dataset %s", d).isGreaterThan(new HashSet<>(before.values()).size() * 8 / 10);
            assertThat(Files.readAllLines(y2.resolve("datasets/" + d + "/id_changes.csv"))
                            .get(0))
                    .isEqualTo("previous_" + (d.equals("c") ? "estimated_offender_id" : "estimated_" + d + "_id") + ","
                            + (d.equals("c") ? "estimated_offender_id" : "estimated_" + d + "_id") + ",records,change");
        }
        Map<String, Long> before = idsOf(y1.resolve("linking_lookup.csv"));
        Map<String, Long> after = idsOf(y2.resolve("linking_lookup.csv"));
        assertThat(checkCarriedOver(before, after)).isGreaterThan(new HashSet<>(before.values()).size() * 8 / 10);
        assertThat(Files.readAllLines(y2.resolve("cross/id_changes.csv")).get(0))
                .isEqualTo("previous_estimated_xjs_id,estimated_xjs_id,records,change");

        // Then: each family's report has its id_changes, under disclosure control, and still validates
        JsonNode report =
                ModelJson.MAPPER.readTree(y2.resolve("quality-report.json").toFile());
        JsonNode cross = report.path("cross_justice").path("report");
        assertThat(cross.path("id_changes").has("kept")).isTrue();
        assertThat(cross.path("id_changes").path("records_new").asLong()).isEqualTo(20);
        assertThat(report.path("datasets")
                        .get(0)
                        .path("report")
                        .path("id_changes")
                        .has("retired"))
                .isTrue();
        assertThat(SmallCounts.in(report)).isEmpty();
        JsonSchema schema = TestSchemas.report();
        assertThat(schema.validate(cross)).isEmpty();

        // Then: the id stages hash the previous state: the same --previous skips them, another one runs them again
        assertThat(pipeline(all, y2, "--previous", y1.toString()).out()).contains("stages: 0 ran");
        var fresh = LinkageCliTest.run(
                "pipeline",
                "--threads",
                "1",
                "--memory-limit",
                "512MB",
                "--format",
                "CSV",
                "--config",
                all.toString(),
                "-o",
                y2.toString());
        assertThat(fresh.err())
                .contains("train:ab: unchanged, skipped", "dedupe:a: done", "cluster:cross_justice: done");
        assertThat(y2.resolve("cross/id_changes.csv")).doesNotExist();
    }

    @Test
    void aDatasetTheEarlierRunDidNotHaveStartsItsIdsAfresh(@TempDir Path dir) throws IOException {
        // Given: an earlier run of a and b only
        Path config = inputs(dir.resolve("in"), 0);
        Path withoutC = dir.resolve("in/pipeline-ab.json");
        String ab = PIPELINE.replaceAll(",\\s*\\{\"dataset\": \"c\"[^}]*}", "");
        assertThat(ab).doesNotContain("c.csv");
        Files.writeString(withoutC, ab);
        Path y1 = dir.resolve("y1");
        assertThat(pipeline(withoutC, y1).code()).isZero();

        // When: the refresh adds c
        var r = pipeline(config, dir.resolve("y2"), "--previous", y1.toString());

        // Then: a and b carry their ids over, c's ids are a first run's, and its records are new to the cross-justice
        // id
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dir.resolve("y2/datasets/a/id_changes.csv")).exists();
        assertThat(dir.resolve("y2/datasets/c/id_changes.csv")).doesNotExist();
        assertThat(dir.resolve("y2/datasets/c/state/ids.json")).exists();
        long added = Files.readAllLines(dir.resolve("y2/cross/id_changes.csv")).stream()
                .map(l -> l.split(","))
                .filter(f -> f[3].equals("added"))
                .mapToLong(f -> Long.parseLong(f[2]))
                .sum();
        assertThat(added).isEqualTo(20);
    }

    static Stream<Arguments> badPrevious() {
        return Stream.of(
                Arguments.of(
                        "folder missing",
                        (UnaryOperator<Path>) p -> p.resolveSibling("nowhere"),
                        3,
                        "--previous ",
                        "nowhere: not a directory"),
                Arguments.of(
                        "no cross-justice state",
                        (UnaryOperator<Path>) p -> delete(p.resolve("cross/state/ids.json")),
                        3,
                        "cross/state/ids.json not found",
                        "run once without --previous first"),
                Arguments.of(
                        "a dataset's state missing",
                        (UnaryOperator<Path>) p -> delete(p.resolve("datasets/b/state/records.parquet")),
                        3,
                        "datasets/b/state/records.parquet not found",
                        "--previous"),
                Arguments.of(
                        "ids of another family",
                        (UnaryOperator<Path>) p ->
                                rewrite(p.resolve("cross/state/ids.json"), "estimated_xjs_id", "estimated_other_id"),
                        2,
                        "holds ids of 'estimated_other_id'",
                        "a refresh keeps one id family"));
    }

    static Path delete(Path p) {
        try {
            Files.delete(p);
            return p.getParent()
                            .getParent()
                            .getParent()
                            .getFileName()
                            .toString()
                            .equals("datasets")
                    ? p.getParent().getParent().getParent().getParent()
                    : p.getParent().getParent().getParent();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path rewrite(Path p, String from, String to) {
        try {
            Files.writeString(p, Files.readString(p).replace(from, to));
            return p.getParent().getParent().getParent();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A finished first run, copied afresh for each case that spoils it. */
    private static Path firstRun;

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPrevious")
    void badPreviousIsRefusedBeforeAnyWorkNamingThePlace(
            String what, UnaryOperator<Path> spoil, int code, String place, String detail, @TempDir Path dir)
            throws IOException {
        synchronized (PipelineCommandTest.class) {
            if (firstRun == null) {
                firstRun = data.resolve("first-run");
                assertThat(pipeline(data.resolve("pipeline.json"), firstRun).code())
                        .isZero();
            }
        }
        Path prev = dir.resolve("prev");
        try (Stream<Path> files = Files.walk(firstRun)) {
            for (Path f : files.toList()) {
                Files.copy(f, prev.resolve(firstRun.relativize(f).toString()));
            }
        }
        Path out = dir.resolve("out");
        var r = pipeline(
                data.resolve("pipeline.json"),
                out,
                "--previous",
                spoil.apply(prev).toString());
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        assertThat(r.err()).startsWith("error: ").contains(place, detail);
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(out.resolve("pipeline-state.json")).doesNotExist();
    }

    static Stream<Arguments> badPipelines() {
        return Stream.of(
                Arguments.of(
                        "source file missing",
                        (UnaryOperator<String>) p -> p.replace("\"c.csv\"", "\"missing.csv\""),
                        3,
                        "$.sources[2].file: ",
                        "missing.csv: file not found"),
                Arguments.of(
                        "duplicate dataset",
                        (UnaryOperator<String>) p -> p.replace("\"dataset\": \"c\"", "\"dataset\": \"a\""),
                        2,
                        "$.sources[2].dataset: duplicate dataset name 'a'",
                        "first at $.sources[0]"),
                Arguments.of(
                        "role column absent",
                        (UnaryOperator<String>) p -> p.replace(
                                "\"role_column\": \"role\", \"model\": \"ab\"}",
                                "\"role_column\": \"part\", \"model\": \"ab\"}"),
                        2,
                        "$.sources[1].role_column: column 'part' not found in",
                        "b.csv"),
                Arguments.of(
                        "model reads a column the source lacks",
                        (UnaryOperator<String>) p -> p.replace("\"c.csv\"", "\"c_no_email.csv\""),
                        2,
                        "$.sources[2].model: model 'ab' cannot read dataset 'c'",
                        "column 'email' not found in"),
                Arguments.of(
                        "unknown model",
                        (UnaryOperator<String>) p -> p.replace(
                                "\"model\": \"ab\", \"person_id_column\": \"estimated_offender_id\"",
                                "\"model\": \"abc\", \"person_id_column\": \"estimated_offender_id\""),
                        2,
                        "$.sources[2].model: no model named 'abc'",
                        "ab, xjs"),
                Arguments.of(
                        "cross model does not only link",
                        (UnaryOperator<String>) p -> p.replace("\"model\": \"xjs\",", "\"model\": \"ab\","),
                        2,
                        "$.cross_dataset.model: model 'ab' must have link_type link_only",
                        "dedupe_only"),
                Arguments.of(
                        "misspelt property",
                        (UnaryOperator<String>) p -> p.replace("\"train_on\"", "\"trainon\""),
                        2,
                        "$.models[0].trainon: unknown property",
                        "train_on"),
                Arguments.of(
                        "settings file missing",
                        (UnaryOperator<String>) p -> p.replace("\"link.json\"", "\"lnk.json\""),
                        2,
                        "$.models[1].settings: ",
                        "lnk.json: file not found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPipelines")
    void badPipelineIsRefusedBeforeAnyWorkNamingThePlace(
            String what, UnaryOperator<String> edit, int code, String path, String detail, @TempDir Path dir)
            throws IOException {
        for (String f : List.of("a.csv", "b.csv", "c.csv", "c_no_email.csv", "dedupe.json", "link.json")) {
            Files.copy(data.resolve(f), dir.resolve(f));
        }
        Path config = dir.resolve("pipeline.json");
        Files.writeString(config, edit.apply(PIPELINE));
        Path out = dir.resolve("out");
        var r = pipeline(config, out);
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        assertThat(r.err()).startsWith("error: ").contains(path, detail);
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(out.resolve("pipeline-state.json")).doesNotExist();
        assertThat(out.resolve("models")).doesNotExist();
    }

    static String rowIdHash(String dataset, String uid) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256")
                .digest((dataset + "\u001f" + uid).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d);
    }
}
