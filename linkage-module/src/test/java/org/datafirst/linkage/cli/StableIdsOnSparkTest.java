package org.datafirst.linkage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.datafirst.linkage.cli.LinkageCliTest.FAKE;
import static org.datafirst.linkage.cli.LinkageCliTest.SETTINGS;
import static org.datafirst.linkage.cli.LinkageCliTest.run;
import static org.datafirst.linkage.cli.RefreshTest.firstRows;
import static org.datafirst.linkage.cli.RefreshTest.ids;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.datafirst.linkage.TestSpark;
import org.datafirst.linkage.io.ModelJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stable person ids on Spark: {@code run --previous} and {@code link-new} after a DuckDB run give the person ids,
 * id changes, id state and quality report (with its evaluation) that DuckDB gives. The CLI runs on the tests'
 * shared local Spark session.
 */
class StableIdsOnSparkTest {

    /** The engine flags of each run, keyed by engine. */
    static final Map<String, List<String>> ENGINES = Map.of(
            "duckdb", List.of("--threads", "1", "--memory-limit", "512MB"),
            "spark", List.of("--engine", "spark", "--master", "local[2]"));

    static LinkageCliTest.Result on(String engine, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-q", "--format", "CSV"));
        all.addAll(ENGINES.get(engine));
        return run(all.toArray(String[]::new));
    }

    /** The lines of a CSV output as a set (row order is the engine's). */
    static Set<String> lines(Path file) throws IOException {
        return new TreeSet<>(Files.readAllLines(file));
    }

    /** A quality report without what differs from run to run (when it ran and how long its steps took). */
    static JsonNode withoutTimes(Path report) throws IOException {
        ObjectNode json = (ObjectNode) ModelJson.MAPPER.readTree(report.toFile());
        ObjectNode provenance = (ObjectNode) json.get("provenance");
        provenance.remove(List.of("run_started", "run_seconds", "step_seconds"));
        return json;
    }

    /**
     * Where two reports differ: the JSON pointers whose values differ, numbers counted equal within 1e-9 (relative;
     * the engines sum floating-point values in different orders).
     */
    static List<String> differences(String at, JsonNode a, JsonNode b) {
        List<String> found = new ArrayList<>();
        if (a.isNumber() && b.isNumber()) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            if (Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(y))) {
                found.add(at + ": " + a + " vs " + b);
            }
        } else if (a.isContainerNode() && a.getNodeType() == b.getNodeType() && a.size() == b.size()) {
            if (a.isArray()) {
                for (int i = 0; i < a.size(); i++) {
                    found.addAll(differences(at + "/" + i, a.get(i), b.get(i)));
                }
            } else {
                a.fieldNames()
                        .forEachRemaining(f -> found.addAll(
                                b.has(f)
                                        ? differences(at + "/" + f, a.get(f), b.get(f))
                                        : List.of(at + "/" + f + ": missing")));
            }
        } else if (!a.equals(b)) {
            found.add(at + ": " + a + " vs " + b);
        }
        return found;
    }

    @Test
    void aRefreshOnSparkCarriesTheIdsAndReportsAsDuckDbDoes(@TempDir Path dir) throws IOException {
        TestSpark.open().close(); // the CLI's Spark runs use the shared session rather than stopping their own
        Path first = dir.resolve("first");
        assertThat(on("duckdb", "run", "-s", SETTINGS, "-i", "fake_1000=" + firstRows(dir, 150), "-o", first.toString())
                        .code())
                .isZero();
        Map<String, Path> second = new TreeMap<>();
        for (String engine : ENGINES.keySet()) {
            Path out = dir.resolve(engine);
            var r = on(
                    engine,
                    "run",
                    "-s",
                    SETTINGS,
                    "-i",
                    "fake_1000=" + FAKE,
                    "--truth-column",
                    "cluster",
                    "--previous",
                    first.toString(),
                    "-o",
                    out.toString());
            assertThat(r.code()).as(engine + ": " + r.err()).isZero();
            second.put(engine, out);
        }
        Path duckdb = second.get("duckdb");
        Path spark = second.get("spark");
        assertThat(ids(spark)).hasSize(200).isEqualTo(ids(duckdb));
        assertThat(lines(spark.resolve("id_changes.csv"))).isEqualTo(lines(duckdb.resolve("id_changes.csv")));
        assertThat(lines(duckdb.resolve("id_changes.csv"))).anyMatch(line -> line.endsWith(",added"));
        JsonNode sparkState =
                ModelJson.MAPPER.readTree(spark.resolve("state/ids.json").toFile());
        JsonNode duckdbState =
                ModelJson.MAPPER.readTree(duckdb.resolve("state/ids.json").toFile());
        assertThat(sparkState.get("highest_id")).isEqualTo(duckdbState.get("highest_id"));
        assertThat(sparkState.get("retired_ids")).isEqualTo(duckdbState.get("retired_ids"));

        // the report (model, groups, clustering, evaluation of pairs and clusters, id changes) is DuckDB's
        JsonNode sparkReport = withoutTimes(spark.resolve("quality-report.json"));
        JsonNode duckdbReport = withoutTimes(duckdb.resolve("quality-report.json"));
        assertThat(duckdbReport.has("evaluation")).isTrue();
        assertThat(duckdbReport.has("id_changes")).isTrue();
        assertThat(differences("", sparkReport, duckdbReport)).isEmpty();

        // the Spark run's state is itself a previous run, for either engine
        var again = on(
                "duckdb",
                "run",
                "-s",
                SETTINGS,
                "-i",
                "fake_1000=" + FAKE,
                "--previous",
                spark.toString(),
                "-o",
                dir.resolve("again").toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(ids(dir.resolve("again"))).isEqualTo(ids(spark));
    }

    @Test
    void linkNewOnSparkPlacesNewRecordsAsDuckDbDoes(@TempDir Path dir) throws IOException {
        TestSpark.open().close();
        Path first = dir.resolve("first");
        assertThat(on(
                                "duckdb",
                                "run",
                                "-s",
                                SETTINGS,
                                "-i",
                                "fake_1000=" + LinkNewTest.everyFourth(dir, false),
                                "-o",
                                first.toString())
                        .code())
                .isZero();
        Path fresh = LinkNewTest.everyFourth(dir, true);
        Map<String, Path> linked = new TreeMap<>();
        for (String engine : ENGINES.keySet()) {
            Path out = dir.resolve(engine);
            var r = on(
                    engine,
                    "link-new",
                    "-m",
                    first.resolve("model.json").toString(),
                    "--previous",
                    first.toString(),
                    "-i",
                    "fake_1000=" + fresh,
                    "-o",
                    out.toString());
            assertThat(r.code()).as(engine + ": " + r.err()).isZero();
            assertThat(r.out()).contains("earlier records 150, new records 50");
            linked.put(engine, out);
        }
        Map<String, Long> before = ids(first);
        Map<String, Long> sparkIds = ids(linked.get("spark"));
        assertThat(sparkIds).hasSize(200).isEqualTo(ids(linked.get("duckdb")));
        before.forEach((uid, id) -> assertThat(sparkIds.get(uid)).as(uid).isEqualTo(id));
        assertThat(lines(linked.get("spark").resolve("id_changes.csv")))
                .isEqualTo(lines(linked.get("duckdb").resolve("id_changes.csv")));
        assertThat(lines(linked.get("spark").resolve("linking_lookup.csv")))
                .isEqualTo(lines(linked.get("duckdb").resolve("linking_lookup.csv")));
    }
}
