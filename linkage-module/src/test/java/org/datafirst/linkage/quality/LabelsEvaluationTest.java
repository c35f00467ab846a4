package org.datafirst.linkage.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.datafirst.linkage.TestDb;
import org.datafirst.linkage.TestSpark;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.pipeline.LinkageModel;
import org.datafirst.linkage.pipeline.TermFrequencies;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.settings.SettingsParser;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelsEvaluationTest {

    static final LinkageSettings SETTINGS = SettingsParser.parse("""
            {"link_type": "dedupe_only", "unique_id_column_name": "uid",
             "blocking_rules_to_generate_predictions": [{"block_on": ["grp"]}],
             "comparisons": [{"column": "fn", "levels": [{"type": "null"}, {"type": "exact"}, {"type": "else"}]}],
             "training": {"deterministic_rules": [{"block_on": ["fn"]}], "recall": 1.0,
                          "em_blocking_rules": [{"block_on": ["fn"]}]}}
            """);

    static Stream<Arguments> engines() {
        return Stream.of(
                Arguments.of("duckdb", (Supplier<Engine>) TestDb::open),
                Arguments.of("spark", (Supplier<Engine>) TestSpark::open));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void labelledPairsThatBlockingMissesAreNonMatchesAsInSplinkUnlessScored(
            String engine, Supplier<Engine> open, @TempDir Path dir) throws IOException {
        // a strong model: agreeing on fn is a match (weight about +5), disagreeing a non-match
        LinkageModel model = new LinkageModel(
                SETTINGS, null, 0.5, new double[][] {{0.03, 0.97}}, new double[][] {{0.97, 0.03}}, List.of());
        Path labels = dir.resolve("labels.csv");
        // a-b blocked (same grp) and a match; c-d a match that blocking misses (different grp); a-c a non-match
        Files.writeString(labels, "unique_id_l,unique_id_r,clerical_match_score\na,b,1\nc,d,1\na,c,0\n");
        try (Engine db = open.get()) {
            TestDb.records(db, "uid, grp, fn", "('a', 1, 'ann'), ('b', 1, 'ann'), ('c', 1, 'bob'), ('d', 2, 'bob')");
            TermFrequencies.run(db, SETTINGS);

            Evaluation.Result splink = Evaluation.fromLabels(db, model, labels, 0.5, false);
            assertThat(splink.truePairs()).isEqualTo(2);
            assertThat(splink.atThreshold().tp()).isEqualTo(1);
            assertThat(splink.atThreshold().fn()).isEqualTo(1); // c-d: missed by blocking, so missed
            assertThat(splink.best().recall()).isEqualTo(0.5); // no threshold recovers it
            assertThat(splink.method()).contains("Splink's way");

            Evaluation.Result scored = Evaluation.fromLabels(db, model, labels, 0.5, true);
            assertThat(scored.atThreshold().tp()).isEqualTo(2); // the model alone gets c-d right
            assertThat(scored.atThreshold().fp()).isZero();
            assertThat(scored.method()).contains("every labelled pair scored");
        }
    }
}
