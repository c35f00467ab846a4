package org.datafirst.linkage.settings;

import static org.datafirst.linkage.settings.InvalidSettingsException.require;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.datafirst.linkage.sql.Dialect;
import org.datafirst.linkage.sql.Sql;

/**
 * A blocking rule: which pairs are compared at all. Either equality on columns (Splink's
 * {@code block_on("first_name", "surname")}) or an SQL condition over {@code l} and {@code r}
 * (Splink's {@code blocking_rule} string), written by the settings' author.
 */
public record BlockingRule(List<String> columns, String sql) {
    public BlockingRule {
        boolean hasColumns = columns != null && !columns.isEmpty();
        boolean hasSql = sql != null && !sql.isBlank();
        require(hasColumns ^ hasSql, "", "give either \"block_on\" (columns) or \"sql\", not both or neither");
        if (hasColumns) {
            for (int i = 0; i < columns.size(); i++) {
                require(
                        columns.get(i) != null && !columns.get(i).isBlank(),
                        "block_on[" + i + "]",
                        "must not be empty");
            }
            columns = List.copyOf(columns);
        } else {
            require(!sql.contains(";"), "sql", "must be a single expression without ';'");
            columns = List.of();
        }
    }

    public static BlockingRule on(String... columns) {
        return new BlockingRule(List.of(columns), null);
    }

    public static BlockingRule sql(String condition) {
        return new BlockingRule(null, condition);
    }

    /** Boolean SQL condition over {@code l} and {@code r}. */
    public String sql(Dialect dialect) {
        if (sql != null) {
            return "(" + sql + ")";
        }
        return columns.stream()
                .map(c -> Sql.col("l", c) + " = " + Sql.col("r", c))
                .collect(Collectors.joining(" AND ", "(", ")"));
    }

    /** Whether the rule reads a column (for SQL rules: the column name appears as a word). */
    public boolean uses(Set<String> cols) {
        if (sql == null) {
            return columns.stream().anyMatch(cols::contains);
        }
        return cols.stream()
                .anyMatch(c -> Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(c) + "(?![A-Za-z0-9_])")
                        .matcher(sql)
                        .find());
    }

    public String describe() {
        return sql != null ? sql : "block_on(" + String.join(", ", columns) + ")";
    }
}
