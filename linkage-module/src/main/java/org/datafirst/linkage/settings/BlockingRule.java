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
 *
 * @param saltingPartitions as Splink's {@code salting_partitions}: the rule's join runs as this many joins, each
 *        over a share of the left records, so one very large block is spread over as many tasks (on Spark);
 *        1 for none. The pairs produced are the same.
 */
public record BlockingRule(List<String> columns, String sql, int saltingPartitions) {

    public static final int MAX_SALTING_PARTITIONS = 1000;

    public BlockingRule {
        require(
                saltingPartitions >= 1 && saltingPartitions <= MAX_SALTING_PARTITIONS,
                "salting_partitions",
                "must be between 1 and " + MAX_SALTING_PARTITIONS);
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
        return new BlockingRule(List.of(columns), null, 1);
    }

    public static BlockingRule sql(String condition) {
        return new BlockingRule(null, condition, 1);
    }

    public BlockingRule withSaltingPartitions(int partitions) {
        return new BlockingRule(columns, sql, partitions);
    }

    /**
     * The rule's join split by salt: one condition per salting partition, together meeting the pairs of
     * {@link #sql(Dialect)} once each. The salt is the left record's number modulo the partitions, not a random
     * number, so a run gives the same pairs on every engine and every time.
     */
    public List<String> saltedSql(Dialect dialect) {
        if (saltingPartitions == 1) {
            return List.of(sql(dialect));
        }
        return java.util.stream.IntStream.range(0, saltingPartitions)
                .mapToObj(k -> sql(dialect) + " AND l.__rid % " + saltingPartitions + " = " + k)
                .toList();
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
