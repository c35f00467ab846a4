package org.datafirst.linkage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.datafirst.linkage.TestDb;
import org.datafirst.linkage.TestSpark;
import org.datafirst.linkage.io.ModelJson;
import org.datafirst.linkage.pipeline.Clusterer;
import org.datafirst.linkage.pipeline.InputSource;
import org.datafirst.linkage.pipeline.LinkageJob;
import org.datafirst.linkage.pipeline.LinkageModel;
import org.datafirst.linkage.pipeline.Progress;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.settings.SettingsParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same settings give the same answers on DuckDB and on Spark (local, in this JVM): prior, m and u within
 * 1e-6, the same number of scored pairs, and identical clusters.
 */
class EnginesAgreeTest {

    static Stream<Arguments> datasets() {
        return Stream.of(
                Arguments.of("fake_1000", "fake_1000.json", List.of("src/test/resources/splink/fake_1000.csv")));
    }

    /** What a run produced, to compare across engines. */
    record Outcome(LinkageModel model, long scoredPairs, Map<String, Long> clusterOfRecord) {}

    static Outcome run(Engine db, JsonNode json, List<InputSource> inputs) {
        LinkageSettings s = SettingsParser.parse(json);
        LinkageJob job = new LinkageJob(db, Progress.NONE);
        job.load(s, json, inputs);
        LinkageModel model = job.train(s, json);
        long pairs = job.predict(model);
        job.cluster(model, s.clustering(), s.matchThreshold());
        Map<String, Long> clusters = new HashMap<>();
        db.forEachRow(
                "SELECT r.__sd || '/' || r.__uid, c.cluster_id FROM records r JOIN " + Clusterer.TABLE
                        + " c ON c.__rid = r.__rid",
                row -> clusters.put((String) row.get(1), row.getLong(2)));
        return new Outcome(model, pairs, clusters);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void sparkGivesDuckDbsAnswers(String name, String settings, List<String> files) throws IOException {
        JsonNode json = ModelJson.MAPPER.readTree(Files.readString(Path.of("src/main/resources/examples/" + settings)));
        List<InputSource> inputs = files.stream().map(InputSource::parse).toList();
        Outcome duck;
        try (Engine db = TestDb.open()) {
            duck = run(db, json, inputs);
        }
        Outcome spark;
        try (Engine db = TestSpark.open()) {
            spark = run(db, json, inputs);
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
