package org.datafirst.linkage.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ColumnReferencesTest {

    static Stream<Arguments> sqlConditions() {
        return Stream.of(
                Arguments.of("l.first_name = r.first_name", List.of("first_name")),
                Arguments.of(
                        "substr(l.dob, 1, 4) = substr(r.dob, 1, 4) AND l . surname = r.surname",
                        List.of("dob", "surname")),
                Arguments.of("l.\"Post Code\" = r.\"Post Code\"", List.of("Post Code")),
                Arguments.of(
                        "l.city = 'l.nowhere' AND r.city <> 'r.x'", List.of("city")), // string literals are not columns
                Arguments.of("l.__sd <> r.__sd AND l.a = r.a", List.of("a")), // internal columns are always there
                Arguments.of("coalesce(ll.x, rr.y) = 1 AND tbl.z = 2", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sqlConditions")
    void findsColumnsReadOnEitherSideOfAnSqlCondition(String sql, List<String> columns) {
        assertThat(ColumnReferences.sqlColumns(sql)).containsExactlyElementsOf(columns);
    }

    @Test
    void pathsFollowTheSpellingOfTheSettingsAsWritten() throws Exception {
        String json = """
                {"link_type": "dedupe_only", "unique_id_column_name": "id",
                 "blocking_rules_to_generate_predictions": ["l.pc = r.pc"],
                 "comparisons": [{"column_name": "name", "comparison_levels": [{"type": "null"},
                    {"type": "exact", "column": "nm", "tf_adjustment_column": "name_tf"}, {"type": "else"}]}],
                 "training": {"deterministic_rules": [{"block_on": ["name"]}], "em_blocking_rules": [{"block_on": ["pc"]}]}}
                """;
        var settings = SettingsParser.parse(json);
        var refs = ColumnReferences.of(settings, new ObjectMapper().readTree(json));
        assertThat(refs)
                .containsExactly(
                        new ColumnReferences.Reference("$.unique_id_column_name", "id"),
                        new ColumnReferences.Reference("$.blocking_rules_to_generate_predictions[0]", "pc"),
                        new ColumnReferences.Reference("$.comparisons[0].column_name", "name"),
                        new ColumnReferences.Reference("$.comparisons[0].comparison_levels[1].column", "nm"),
                        new ColumnReferences.Reference(
                                "$.comparisons[0].comparison_levels[1].tf_adjustment_column", "name_tf"),
                        new ColumnReferences.Reference("$.training.deterministic_rules[0].block_on[0]", "name"),
                        new ColumnReferences.Reference("$.training.em_blocking_rules[0].block_on[0]", "pc"));
        assertThatThrownBy(() -> ColumnReferences.requireAll(refs, "in.csv", List.of("ID", "PC", "name", "nm")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage(
                        "$.comparisons[0].comparison_levels[1].tf_adjustment_column: column 'name_tf' not found in in.csv"
                                + " (columns: ID, PC, name, nm)");
    }
}
