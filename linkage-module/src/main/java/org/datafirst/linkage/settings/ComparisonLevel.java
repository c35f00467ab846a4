package org.datafirst.linkage.settings;

import static org.datafirst.linkage.settings.InvalidSettingsException.require;
import static org.datafirst.linkage.settings.InvalidSettingsException.requireName;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.datafirst.linkage.sql.Dialect;
import org.datafirst.linkage.sql.Sql;

/**
 * One level of a comparison, e.g. "Jaro-Winkler similarity of first_name >= 0.92". A level renders
 * the boolean SQL condition over the pair's left ({@code l}) and right ({@code r}) records that puts
 * a pair into it; it has no side effects. Levels are tried in order; the first that holds wins.
 */
public sealed interface ComparisonLevel {

    /** Boolean SQL condition over {@code l} and {@code r}. */
    String sql(Dialect dialect);

    /** Human-readable label, like Splink's {@code label_for_charts}. */
    String label();

    /** Input columns this level reads (used to decide which comparisons a blocking rule fixes). */
    Set<String> columns();

    /**
     * Whether every pair in level {@code a} is also in level {@code b}: the same measure on the same
     * column with a stricter threshold (a higher similarity, a smaller distance or date difference
     * in the same unit and format). Lets a comparison test a run of such levels loosest first.
     */
    static boolean implies(ComparisonLevel a, ComparisonLevel b) {
        if (a instanceof JaroWinklerLevel x && b instanceof JaroWinklerLevel y) {
            return x.column().equals(y.column()) && x.threshold() >= y.threshold();
        }
        if (a instanceof JaroLevel x && b instanceof JaroLevel y) {
            return x.column().equals(y.column()) && x.threshold() >= y.threshold();
        }
        if (a instanceof LevenshteinLevel x && b instanceof LevenshteinLevel y) {
            return x.column().equals(y.column()) && x.threshold() <= y.threshold();
        }
        if (a instanceof DamerauLevenshteinLevel x && b instanceof DamerauLevenshteinLevel y) {
            return x.column().equals(y.column()) && x.threshold() <= y.threshold();
        }
        if (a instanceof DateDifferenceLevel x && b instanceof DateDifferenceLevel y) {
            return x.column().equals(y.column())
                    && java.util.Objects.equals(x.dateFormat(), y.dateFormat())
                    && x.amount() <= DateUnit.mostWithin(y.amount(), y.unit(), x.unit());
        }
        return false;
    }

    /** The null level gets gamma -1 and contributes no evidence. */
    default boolean isNull() {
        return false;
    }

    default Optional<TermFrequencyAdjustment> termFrequency() {
        return Optional.empty();
    }

    /**
     * The column whose left and right values alone decide this level, so that it can be evaluated
     * once per pair of distinct values instead of once per pair of records; empty for levels that
     * read more than one column's pair of values (columns reversed, custom SQL) and for else.
     */
    default Optional<String> valueColumn() {
        return Optional.empty();
    }

    /** A level reading one column. */
    sealed interface OneColumn extends ComparisonLevel {
        String column();

        @Override
        default Set<String> columns() {
            return Set.of(column());
        }

        @Override
        default Optional<String> valueColumn() {
            return Optional.of(column());
        }
    }

    /** A one-column level that may carry a term-frequency adjustment. */
    sealed interface Adjustable extends OneColumn {
        TermFrequencyAdjustment tf();

        @Override
        default Optional<TermFrequencyAdjustment> termFrequency() {
            return Optional.ofNullable(tf());
        }
    }

    /** Either value missing. */
    record NullLevel(String column) implements OneColumn {
        public NullLevel {
            requireName(column, "column");
        }

        @Override
        public String sql(Dialect d) {
            return Sql.col("l", column) + " IS NULL OR " + Sql.col("r", column) + " IS NULL";
        }

        @Override
        public String label() {
            return column + " is NULL";
        }

        @Override
        public boolean isNull() {
            return true;
        }
    }

    /** Values equal. */
    record ExactLevel(String column, TermFrequencyAdjustment tf) implements Adjustable {
        public ExactLevel {
            requireName(column, "column");
        }

        @Override
        public String sql(Dialect d) {
            return Sql.col("l", column) + " = " + Sql.col("r", column);
        }

        @Override
        public String label() {
            return "exact match on " + column;
        }
    }

    /** Jaro-Winkler similarity at least {@code threshold}. */
    record JaroWinklerLevel(String column, double threshold, TermFrequencyAdjustment tf) implements Adjustable {
        public JaroWinklerLevel {
            requireName(column, "column");
            require(threshold >= 0 && threshold <= 1, "threshold", "must be between 0 and 1");
        }

        @Override
        public String sql(Dialect d) {
            return d.jaroWinkler(Sql.col("l", column), Sql.col("r", column)) + " >= " + Sql.number(threshold);
        }

        @Override
        public String label() {
            return "Jaro-Winkler " + column + " >= " + threshold;
        }
    }

    /** Jaro similarity at least {@code threshold}. */
    record JaroLevel(String column, double threshold, TermFrequencyAdjustment tf) implements Adjustable {
        public JaroLevel {
            requireName(column, "column");
            require(threshold >= 0 && threshold <= 1, "threshold", "must be between 0 and 1");
        }

        @Override
        public String sql(Dialect d) {
            return d.jaro(Sql.col("l", column), Sql.col("r", column)) + " >= " + Sql.number(threshold);
        }

        @Override
        public String label() {
            return "Jaro " + column + " >= " + threshold;
        }
    }

    /** Levenshtein distance at most {@code threshold} (the settings key, as in Splink). */
    record LevenshteinLevel(String column, int threshold, TermFrequencyAdjustment tf) implements Adjustable {
        public LevenshteinLevel {
            requireName(column, "column");
            require(threshold >= 0, "threshold", "must be 0 or more");
        }

        @Override
        public String sql(Dialect d) {
            return d.levenshtein(Sql.col("l", column), Sql.col("r", column)) + " <= " + Sql.number(threshold);
        }

        @Override
        public String label() {
            return "Levenshtein " + column + " <= " + threshold;
        }
    }

    /** Damerau-Levenshtein distance at most {@code threshold} (a transposition costs 1). */
    record DamerauLevenshteinLevel(String column, int threshold, TermFrequencyAdjustment tf) implements Adjustable {
        public DamerauLevenshteinLevel {
            requireName(column, "column");
            require(threshold >= 0, "threshold", "must be 0 or more");
        }

        @Override
        public String sql(Dialect d) {
            return d.damerauLevenshtein(Sql.col("l", column), Sql.col("r", column)) + " <= " + Sql.number(threshold);
        }

        @Override
        public String label() {
            return "Damerau-Levenshtein " + column + " <= " + threshold;
        }
    }

    /** Units of absolute date difference. */
    enum DateUnit {
        DAY,
        MONTH,
        YEAR;

        /**
         * The largest difference in {@code finer} units that guarantees a difference of at most
         * {@code amount} {@code coarser} units as date_diff counts them (boundaries crossed): crossing
         * one more month boundary takes more than 28 days, one more year boundary more than 365 days
         * or 12 month boundaries. -1 when {@code finer} is coarser (nothing is guaranteed).
         */
        static int mostWithin(int amount, DateUnit coarser, DateUnit finer) {
            if (coarser == finer) {
                return amount;
            }
            return switch (coarser) {
                case MONTH -> finer == DAY ? 28 * amount : -1;
                case YEAR -> finer == DAY ? 365 * amount : 12 * amount;
                case DAY -> -1;
            };
        }

        String sqlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Absolute difference between two dates at most {@code amount} units. Text columns are parsed
     * with {@code dateFormat} (strftime, e.g. {@code %Y%m%d}); without a format the column is cast.
     */
    record DateDifferenceLevel(String column, int amount, DateUnit unit, String dateFormat) implements OneColumn {
        private static final Pattern SAFE_FORMAT = Pattern.compile("[%A-Za-z0-9 ._:/-]{1,40}");

        public DateDifferenceLevel {
            requireName(column, "column");
            require(amount >= 0, "threshold", "must be 0 or more");
            require(unit != null, "unit", "must be one of day, month, year");
            require(
                    dateFormat == null || SAFE_FORMAT.matcher(dateFormat).matches(),
                    "date_format",
                    "must be a strftime format of letters, digits, %, space and . _ : / -");
        }

        @Override
        public String sql(Dialect d) {
            String left = d.tryParseDate(Sql.col("l", column), dateFormat);
            String right = d.tryParseDate(Sql.col("r", column), dateFormat);
            return "abs(" + d.dateDiff(unit.sqlName(), left, right) + ") <= " + Sql.number(amount);
        }

        /** Holds when the record's value is present but is not a date in this level's format. */
        public String unparsedSql(Dialect d, String alias) {
            return Sql.col(alias, column) + " IS NOT NULL AND " + d.tryParseDate(Sql.col(alias, column), dateFormat)
                    + " IS NULL";
        }

        @Override
        public String label() {
            return "abs date difference of " + column + " <= " + amount + " " + unit.sqlName();
        }
    }

    /** Two columns swapped between the records (e.g. first name and surname reversed). */
    record ColumnsReversedLevel(String column1, String column2) implements ComparisonLevel {
        public ColumnsReversedLevel {
            requireName(column1, "column_1");
            requireName(column2, "column_2");
        }

        @Override
        public String sql(Dialect d) {
            return Sql.col("l", column1) + " = " + Sql.col("r", column2) + " AND " + Sql.col("l", column2) + " = "
                    + Sql.col("r", column1);
        }

        @Override
        public String label() {
            return column1 + " and " + column2 + " reversed";
        }

        @Override
        public Set<String> columns() {
            return Set.of(column1, column2);
        }
    }

    /**
     * A condition written by the settings' author over {@code l} and {@code r}, as in Splink's
     * {@code sql_condition}. It is the author's own SQL (like a blocking rule), run on their own data.
     */
    record CustomSqlLevel(String condition, String label, Set<String> columns) implements ComparisonLevel {
        public CustomSqlLevel {
            requireName(condition, "sql_condition");
            require(!condition.contains(";"), "sql_condition", "must be a single expression without ';'");
            label = label == null ? condition : label;
            columns = columns == null ? Set.of() : Set.copyOf(columns);
        }

        @Override
        public String sql(Dialect d) {
            return condition;
        }
    }

    /** Everything else (gamma 0). */
    record ElseLevel() implements ComparisonLevel {
        @Override
        public String sql(Dialect d) {
            return "TRUE";
        }

        @Override
        public String label() {
            return "all other comparisons";
        }

        @Override
        public Set<String> columns() {
            return Set.of();
        }
    }
}
