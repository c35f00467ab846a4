package org.datafirst.linkage.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsParserTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static ObjectNode valid() {
        try (InputStream in = SettingsParserTest.class.getResourceAsStream("/examples/fake_1000.json")) {
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsAValidSettingsFile() {
        LinkageSettings s = SettingsParser.parse(valid());
        assertThat(s.linkType()).isEqualTo(LinkType.DEDUPE_ONLY);
        assertThat(s.uniqueIdColumn()).isEqualTo("unique_id");
        assertThat(s.comparisons()).extracting(Comparison::name).contains("first_name", "surname", "dob");
        assertThat(s.comparisons().get(0).levels().get(0)).isInstanceOf(ComparisonLevel.NullLevel.class);
        assertThat(s.training().emBlockingRules()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"febrl3.json", "febrl4.json", "fake_1000.json", "synthetic.json", "throughput.json"})
    void everyShippedExampleParses(String file) throws IOException {
        Path p = Path.of("src/main/resources/examples", file);
        assertThat(p).exists();
        assertThat(SettingsParser.parse(Files.readString(p)).comparisons()).isNotEmpty();
    }

    static ObjectNode level(ObjectNode root, int comparison, int level) {
        return (ObjectNode) root.withArray("comparisons")
                .get(comparison)
                .withArray("levels")
                .get(level);
    }

    static Stream<Arguments> invalid() {
        return Stream.<Arguments>of(
                bad(
                        r -> level(r, 0, 2).put("threshold", 1.5),
                        "$.comparisons[0].levels[2].threshold",
                        "must be between 0 and 1"),
                bad(r -> level(r, 0, 2).remove("threshold"), "$.comparisons[0].levels[2].threshold", "is required"),
                bad(
                        r -> level(r, 0, 2).put("threshold", "high"),
                        "$.comparisons[0].levels[2].threshold",
                        "must be a number"),
                bad(
                        r -> level(r, 1, 1).put("type", "soundex"),
                        "$.comparisons[1].levels[1].type",
                        "unknown level type"),
                bad(
                        r -> level(r, 1, 1).put("tf_adjustment_weight", 2),
                        "$.comparisons[1].levels[1].tf_adjustment_weight",
                        "must be between 0 and 1"),
                bad(r -> level(r, 1, 1).put("treshold", 2), "$.comparisons[1].levels[1].treshold", "unknown property"),
                bad(r -> r.put("link_type", "dedupe"), "$.link_type", "must be one of"),
                bad(r -> r.remove("unique_id_column_name"), "$.unique_id_column_name", "is required"),
                bad(
                        r -> r.put("threshold_match_probability", 1.0),
                        "$.threshold_match_probability",
                        "must be between 0 and 1"),
                bad(
                        r -> r.withArray("blocking_rules_to_generate_predictions")
                                .removeAll(),
                        "$.blocking_rules_to_generate_predictions",
                        "at least one rule"),
                bad(
                        r -> ((ObjectNode) r.withArray("blocking_rules_to_generate_predictions")
                                        .get(0))
                                .put("sql", "l.a = r.a"),
                        "$.blocking_rules_to_generate_predictions[0]",
                        "either"),
                bad(
                        r -> ((ObjectNode) r.withArray("blocking_rules_to_generate_predictions")
                                        .get(1))
                                .put("salting_partitions", 0),
                        "$.blocking_rules_to_generate_predictions[1].salting_partitions",
                        "between 1 and 1000"),
                bad(
                        r -> ((ObjectNode) r.withArray("blocking_rules_to_generate_predictions")
                                        .get(1))
                                .put("salting_partitions", 2.5),
                        "$.blocking_rules_to_generate_predictions[1].salting_partitions",
                        "whole number"),
                bad(r -> ((ObjectNode) r.get("training")).put("recall", 0), "$.training.recall", "greater than 0"),
                bad(
                        r -> ((ArrayNode) r.withArray("comparisons").get(0).withArray("levels"))
                                .insert(1, MAPPER.createObjectNode().put("type", "null")),
                        "$.comparisons[0].levels[1]",
                        "a null level must come first"),
                bad(
                        r -> ((ArrayNode) r.withArray("comparisons").get(2).withArray("levels"))
                                .insert(1, MAPPER.createObjectNode().put("type", "else")),
                        "$.comparisons[2].levels[1]",
                        "an else level must come last"),
                bad(r -> level(r, 2, 3).put("unit", "week"), "$.comparisons[2].levels[3].unit", "day, month, year"),
                bad(
                        r -> level(r, 2, 3).put("date_format", "%Y'; DROP TABLE x"),
                        "$.comparisons[2].levels[3].date_format",
                        "strftime"),
                bad(
                        r -> ((ObjectNode) r.withArray("comparisons").get(1)).put("output_column_name", "first_name"),
                        "$.comparisons[1].output_column_name",
                        "duplicate"),
                // errors name the key the user wrote
                bad(
                        r -> level(r, 2, 2).put("threshold", -1),
                        "$.comparisons[2].levels[2].threshold",
                        "must be 0 or more"),
                bad(
                        r -> level(r, 2, 2).put("type", "levenshtein").put("threshold", -1),
                        "$.comparisons[2].levels[2].threshold",
                        "must be 0 or more"),
                bad(
                        r -> comparison(r, 1).put("column", "first_name").remove("output_column_name"),
                        "$.comparisons[1].column",
                        "duplicate"),
                bad(
                        r -> comparison(r, 1)
                                .put("column_name", "first_name")
                                .remove(List.of("output_column_name", "column")),
                        "$.comparisons[1].column_name",
                        "duplicate"),
                bad(
                        r -> comparison(r, 3).put("column", "home city").remove("output_column_name"),
                        "$.comparisons[3].column",
                        "letters, digits and underscores"),
                bad(r -> comparison(r, 3).put("column", " "), "$.comparisons[3].column", "must not be empty"),
                bad(r -> level(r, 3, 1).put("column", " "), "$.comparisons[3].levels[1].column", "must not be empty"));
    }

    static ObjectNode comparison(ObjectNode root, int comparison) {
        return (ObjectNode) root.withArray("comparisons").get(comparison);
    }

    private static Arguments bad(Consumer<ObjectNode> change, String path, String reason) {
        return Arguments.of(change, path, reason);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalid")
    void invalidSettingsNameTheJsonPath(Consumer<ObjectNode> change, String path, String reason) {
        ObjectNode root = valid();
        change.accept(root);
        assertThatThrownBy(() -> SettingsParser.parse(root))
                .isInstanceOf(InvalidSettingsException.class)
                .satisfies(e -> {
                    InvalidSettingsException ise = (InvalidSettingsException) e;
                    assertThat(ise.path()).isEqualTo(path);
                    assertThat(ise.reason()).contains(reason);
                    assertThat(ise.getMessage()).startsWith(path + ": ");
                });
    }

    @Test
    void brokenJsonNamesTheLine() {
        assertThatThrownBy(() -> SettingsParser.parse("{\n \"link_type\": }"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void recordsValidateThemselves() {
        assertThatThrownBy(() -> new ComparisonLevel.LevenshteinLevel("name", -1, null))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("threshold: must be 0 or more");
    }
}
