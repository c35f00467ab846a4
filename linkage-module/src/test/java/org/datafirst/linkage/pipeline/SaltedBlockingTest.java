package org.datafirst.linkage.pipeline;

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
import org.datafirst.linkage.settings.BlockingRule;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.settings.SettingsParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Salting a blocking rule changes how its join runs, never which pairs it makes. */
class SaltedBlockingTest {

    static Stream<Arguments> engines() {
        return Stream.of(
                Arguments.of("duckdb", (Supplier<Engine>) TestDb::open),
                Arguments.of("spark", (Supplier<Engine>) TestSpark::open));
    }

    static List<String> pairs(Engine db, LinkageSettings settings, List<BlockingRule> rules) {
        long count = Blocking.run(db, settings, rules);
        assertThat(Blocking.count(db, settings, rules)).isEqualTo(count);
        return db
                .query("SELECT CAST(rid_l AS STRING) || '-' || CAST(rid_r AS STRING) || ':'"
                        + " || CAST(match_key AS STRING) FROM " + Blocking.PAIRS_TABLE + " ORDER BY 1")
                .stream()
                .map(r -> (String) r.get(0))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void saltedRulesMakeTheSamePairsOnce(String engine, Supplier<Engine> open) throws IOException {
        LinkageSettings settings =
                SettingsParser.parse(Files.readString(Path.of("src/main/resources/examples/fake_1000.json")));
        List<BlockingRule> rules = settings.blockingRules();
        // some rules salted, with partitions that do and do not divide the record count
        List<BlockingRule> salted = List.of(
                rules.get(0).withSaltingPartitions(4),
                rules.get(1),
                rules.get(2).withSaltingPartitions(7));
        try (Engine db = open.get()) {
            new LinkageJob(db, Progress.NONE)
                    .load(settings, List.of(InputSource.parse("src/test/resources/splink/fake_1000.csv")));
            List<String> plain = pairs(db, settings, rules.subList(0, 3));
            List<String> withSalt = pairs(db, settings, salted);
            assertThat(plain).isNotEmpty().doesNotHaveDuplicates();
            assertThat(withSalt).isEqualTo(plain);
        }
    }
}
