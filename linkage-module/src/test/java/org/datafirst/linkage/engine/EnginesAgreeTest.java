package org.datafirst.linkage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.datafirst.linkage.TestDb;
import org.datafirst.linkage.TestSpark;
import org.datafirst.linkage.io.ModelJson;
import org.datafirst.linkage.pipeline.Clusterer;
import org.datafirst.linkage.pipeline.InputSource;
import org.datafirst.linkage.pipeline.LinkageJob;
import org.datafirst.linkage.pipeline.LinkageModel;
import org.datafirst.linkage.pipeline.Progress;
import org.datafirst.linkage.settings.ClusteringSettings;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.settings.SettingsParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same settings give the same answers on DuckDB and on Spark (local, in this JVM): prior, m and u within
 * 1e-6, the same number of scored pairs, and identical clusters and cluster shapes for each clustering method.
 */
class EnginesAgreeTest {

    static Stream<Arguments> datasets() {
        return Stream.of(
                Arguments.of("fake_1000", "fake_1000.json", true, List.of("src/test/resources/splink/fake_1000.csv")),
                Arguments.of("febrl3", "febrl3.json", false, List.of("febrl3=src/test/resources/febrl/dataset3.csv")),
                Arguments.of(
                        "febrl4",
                        "febrl4.json",
                        false,
                        List.of(
                                "febrl4a=src/test/resources/febrl/dataset4a.csv",
                                "febrl4b=src/test/resources/febrl/dataset4b.csv")));
    }

    /** What a run produced, to compare across engines: per clustering, each record's cluster and the shapes. */
    record Outcome(LinkageModel model, long scoredPairs, Map<String, Map<String, String>> clusterOfRecord) {}

    /**
     * The settings' own clustering and, for {@code every}, also average linkage cutting groups at three records (so
     * large components are cut) and connected components.
     */
    static Map<String, ClusteringSettings> clusterings(ClusteringSettings own, boolean every) {
        if (!every) {
            return Map.of("own", own);
        }
        return Map.of(
                "own",
                own,
                "average linkage, groups of 3",
                new ClusteringSettings(
                        ClusteringSettings.Method.AVERAGE_LINKAGE,
                        3,
                        own.cannotLinkRules(),
                        own.mergeMeanProbability(),
                        own.vetoMatchWeight()),
                "connected components",
                own.withMethod(ClusteringSettings.Method.CONNECTED_COMPONENTS));
    }

    static Outcome run(Engine db, JsonNode json, boolean everyClustering, List<InputSource> inputs) {
        LinkageSettings s = SettingsParser.parse(json);
        LinkageJob job = new LinkageJob(db, Progress.NONE);
        job.load(s, json, inputs);
        LinkageModel model = job.train(s, json);
        long pairs = job.predict(model);
        Map<String, Map<String, String>> clusterings = new TreeMap<>();
        clusterings(s.clustering(), everyClustering).forEach((name, clustering) -> {
            job.cluster(model, clustering, s.matchThreshold());
            Map<String, String> clusters = new TreeMap<>();
            db.forEachRow(
                    "SELECT r.__sd || '/' || r.__uid, c.cluster_id FROM records r JOIN " + Clusterer.TABLE
                            + " c ON c.__rid = r.__rid",
                    row -> clusters.put((String) row.get(1), String.valueOf(row.getLong(2))));
            db.forEachRow(
                    "SELECT cluster_id, size, edges, bridges, suspicious FROM " + Clusterer.SHAPES,
                    row -> clusters.put(
                            "shape of " + row.getLong(1),
                            row.getLong(2) + " records, " + row.getLong(3) + " edges, " + row.getLong(4) + " bridges"
                                    + (row.getBoolean(5) ? ", suspicious" : "")));
            clusterings.put(name, clusters);
        });
        return new Outcome(model, pairs, clusterings);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void sparkGivesDuckDbsAnswers(String name, String settings, boolean everyClustering, List<String> files)
            throws IOException {
        JsonNode json = ModelJson.MAPPER.readTree(Files.readString(Path.of("src/main/resources/examples/" + settings)));
        List<InputSource> inputs = files.stream().map(InputSource::parse).toList();
        Outcome duck;
        try (Engine db = TestDb.open()) {
            duck = run(db, json, everyClustering, inputs);
        }
        Outcome spark;
        try (Engine db = TestSpark.open()) {
            spark = run(db, json, everyClustering, inputs);
        }
        assertThat(spark.model().lambda()).isCloseTo(duck.model().lambda(), within(1e-6));
        double[][] mDuck = duck.model().m();
        double[][] uDuck = duck.model().u();
        for (int k = 0; k < mDuck.length; k++) {
            for (int g = 0; g < mDuck[k].length; g++) {
                assertThat(spark.model().m()[k][g]).as("m[%d][%d]", k, g).isCloseTo(mDuck[k][g], within(1e-6));
                assertThat(spark.model().u()[k][g]).as("u[%d][%d]", k, g).isCloseTo(uDuck[k][g], within(1e-6));
            }
        }
        assertThat(spark.scoredPairs()).isEqualTo(duck.scoredPairs());
        assertThat(spark.clusterOfRecord()).isEqualTo(duck.clusterOfRecord());
    }
}
