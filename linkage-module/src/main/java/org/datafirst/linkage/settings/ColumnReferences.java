package org.datafirst.linkage.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every input column the settings name, with the JSON path where it is named, so that an input
 * lacking one is refused before any work starts ({@code $.comparisons[1].levels[2].tf_adjustment_column:
 * column 'surnam' not found in people.csv (columns: …)}) instead of failing later in SQL.
 *
 * <p>Columns come from the unique id and role settings, {@code block_on} lists, comparison and level
 * columns, term-frequency columns, {@code columns_reversed} pairs, custom levels' {@code columns}, and
 * {@code l.col} / {@code r.col} references in the SQL of blocking rules and custom levels. The JSON
 * (the settings as written) only decides how a path is spelt ({@code levels} or
 * {@code comparison_levels}, a level's own {@code column} or its comparison's).
 */
public final class ColumnReferences {

    /** A column named at a JSON path. */
    public record Reference(String path, String column) {}

    /** {@code l.name}, {@code r."quoted name"} (after string literals are blanked out). */
    private static final Pattern SQL_REFERENCE =
            Pattern.compile("(?<![A-Za-z0-9_.\"])[lr]\\s*\\.\\s*(?:\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_]*))");

    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");

    private ColumnReferences() {}

    /** The references of {@code settings}; {@code json} (may be null) is the settings JSON as written. */
    public static List<Reference> of(LinkageSettings settings, JsonNode json) {
        JsonNode root = json == null ? MissingNode.getInstance() : json;
        List<Reference> refs = new ArrayList<>();
        refs.add(new Reference("$.unique_id_column_name", settings.uniqueIdColumn()));
        if (settings.roleColumn() != null) {
            refs.add(new Reference("$.role_column_name", settings.roleColumn()));
        }
        rules(
                refs,
                "$.blocking_rules_to_generate_predictions",
                settings.blockingRules(),
                root.path("blocking_rules_to_generate_predictions"));
        for (int i = 0; i < settings.comparisons().size(); i++) {
            comparison(
                    refs,
                    "$.comparisons[" + i + "]",
                    settings.comparisons().get(i),
                    root.path("comparisons").path(i));
        }
        rules(
                refs,
                "$.training.deterministic_rules",
                settings.training().deterministicRules(),
                root.path("training").path("deterministic_rules"));
        rules(
                refs,
                "$.training.em_blocking_rules",
                settings.training().emBlockingRules(),
                root.path("training").path("em_blocking_rules"));
        rules(
                refs,
                "$.clustering.cannot_link_rules",
                settings.clustering().cannotLinkRules(),
                root.path("clustering").path("cannot_link_rules"));
        return refs;
    }

    /**
     * The first reference to a column that is not in {@code available} (compared ignoring case, as
     * DuckDB matches identifiers), refused with its JSON path, the file and the columns it has.
     */
    public static void requireAll(List<Reference> refs, String file, List<String> available) {
        Set<String> have = new LinkedHashSet<>();
        available.forEach(c -> have.add(c.toLowerCase(Locale.ROOT)));
        for (Reference r : refs) {
            if (!have.contains(r.column().toLowerCase(Locale.ROOT))) {
                throw new InvalidSettingsException(
                        r.path(),
                        "column '" + r.column() + "' not found in " + file + " (columns: "
                                + String.join(", ", available) + ")");
            }
        }
    }

    /** Columns read as {@code l.x} or {@code r.x} in an SQL condition (internal {@code __} columns left out). */
    public static Set<String> sqlColumns(String sql) {
        Set<String> cols = new LinkedHashSet<>();
        Matcher m = SQL_REFERENCE.matcher(STRING_LITERAL.matcher(sql).replaceAll("''"));
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2);
            if (!name.startsWith("__")) {
                cols.add(name);
            }
        }
        return cols;
    }

    private static void rules(List<Reference> refs, String path, List<BlockingRule> rules, JsonNode json) {
        for (int i = 0; i < rules.size(); i++) {
            BlockingRule rule = rules.get(i);
            String rulePath = path + "[" + i + "]";
            if (rule.sql() == null) {
                for (int k = 0; k < rule.columns().size(); k++) {
                    refs.add(new Reference(
                            rulePath + ".block_on[" + k + "]", rule.columns().get(k)));
                }
            } else {
                String sqlPath = json.path(i).isTextual() ? rulePath : rulePath + ".sql";
                sqlColumns(rule.sql()).forEach(c -> refs.add(new Reference(sqlPath, c)));
            }
        }
    }

    private static void comparison(List<Reference> refs, String path, Comparison c, JsonNode json) {
        String levelsKey = json.has("comparison_levels") ? "comparison_levels" : "levels";
        String columnPath = path + (json.has("column_name") ? ".column_name" : ".column");
        for (int j = 0; j < c.levels().size(); j++) {
            ComparisonLevel level = c.levels().get(j);
            String levelPath = path + "." + levelsKey + "[" + j + "]";
            JsonNode levelJson = json.path(levelsKey).path(j);
            String ownColumn = levelJson.has("column") || json.isMissingNode() ? levelPath + ".column" : columnPath;
            if (level instanceof ComparisonLevel.OneColumn one) {
                refs.add(new Reference(ownColumn, one.column()));
            } else if (level instanceof ComparisonLevel.ColumnsReversedLevel rev) {
                refs.add(new Reference(levelPath + ".column_1", rev.column1()));
                refs.add(new Reference(levelPath + ".column_2", rev.column2()));
            } else if (level instanceof ComparisonLevel.CustomSqlLevel custom) {
                if (json.isMissingNode()) {
                    custom.columns().forEach(col -> refs.add(new Reference(levelPath + ".columns", col)));
                } else {
                    JsonNode listed = levelJson.path("columns");
                    for (int k = 0; k < listed.size(); k++) {
                        refs.add(new Reference(
                                levelPath + ".columns[" + k + "]", listed.get(k).asText()));
                    }
                    JsonNode col = levelJson.has("column")
                            ? levelJson.get("column")
                            : json.has("column_name") ? json.get("column_name") : json.path("column");
                    if (col.isTextual()) {
                        refs.add(new Reference(ownColumn, col.asText()));
                    }
                }
                sqlColumns(custom.condition())
                        .forEach(col -> refs.add(new Reference(levelPath + ".sql_condition", col)));
            }
            level.termFrequency()
                    .ifPresent(tf -> refs.add(new Reference(levelPath + ".tf_adjustment_column", tf.column())));
        }
    }
}
