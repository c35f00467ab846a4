package org.datafirst.linkage.settings;

import static org.datafirst.linkage.settings.InvalidSettingsException.require;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.datafirst.linkage.sql.Dialect;

/**
 * A comparison: ordered levels that turn a pair into one agreement value gamma. The null level (if
 * any) gets gamma -1; the remaining levels are numbered from the top, so with n non-null levels the
 * first gets n-1 and the last (usually "else") gets 0 — Splink's convention.
 */
public record Comparison(String name, String description, List<ComparisonLevel> levels) {
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public Comparison {
        require(
                name != null && NAME.matcher(name).matches(),
                "output_column_name",
                "must be letters, digits and underscores, starting with a letter or underscore");
        require(levels != null && levels.size() >= 2, "comparison_levels", "must have at least 2 levels");
        levels = List.copyOf(levels);
        for (int i = 0; i < levels.size(); i++) {
            ComparisonLevel level = levels.get(i);
            require(!level.isNull() || i == 0, "comparison_levels[" + i + "]", "a null level must come first");
            require(
                    !(level instanceof ComparisonLevel.ElseLevel) || i == levels.size() - 1,
                    "comparison_levels[" + i + "]",
                    "an else level must come last");
        }
        long nonNull = levels.stream().filter(l -> !l.isNull()).count();
        require(nonNull >= 2, "comparison_levels", "must have at least 2 non-null levels");
        description = description == null ? name : description;
    }

    /** Name of the gamma column, e.g. {@code gamma_first_name}. */
    public String gammaColumn() {
        return "gamma_" + name;
    }

    /** Number of non-null levels (gamma values 0 .. n-1). */
    public int levelCount() {
        return (int) levels.stream().filter(l -> !l.isNull()).count();
    }

    /** Gamma of the i-th level in the settings' order. */
    public int gammaOf(int levelIndex) {
        if (levels.get(levelIndex).isNull()) {
            return -1;
        }
        int nullOffset = levels.get(0).isNull() ? 1 : 0;
        return levelCount() - 1 - (levelIndex - nullOffset);
    }

    /** The non-null level that has the given gamma. */
    public ComparisonLevel levelForGamma(int gamma) {
        int nullOffset = levels.get(0).isNull() ? 1 : 0;
        return levels.get(nullOffset + levelCount() - 1 - gamma);
    }

    /**
     * {@code CASE WHEN ... THEN gamma ... END}: the comparison's gamma for a pair of l and r. A date
     * that does not parse with a date level's format counts as missing: the pair gets the null
     * level's gamma -1 (no evidence) rather than falling through to disagreement.
     */
    public String gammaSql(Dialect dialect) {
        return gammaSql(dialect, level -> true);
    }

    /**
     * The gamma CASE as if only the levels that {@code kept} accepts could hold (the others are left
     * out; every level keeps its gamma). Equals {@link #gammaSql(Dialect)} on every pair for which no
     * left-out level holds. The unparsed-date rule stays when every date level is kept.
     */
    public String gammaSql(Dialect dialect, Predicate<ComparisonLevel> kept) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            if (kept.test(levels.get(i))) {
                idx.add(i);
            }
        }
        StringBuilder sb = new StringBuilder("CASE");
        boolean hasElse = false;
        String unparsed = dateLevels().stream().allMatch(kept) ? unparsedDateSql(dialect) : null;
        if (unparsed != null && !levels.get(0).isNull()) {
            sb.append(" WHEN (").append(unparsed).append(") THEN -1");
        }
        for (int j = 0; j < idx.size(); j++) {
            int i = idx.get(j);
            ComparisonLevel level = levels.get(i);
            if (level.isNull() && unparsed != null) {
                sb.append(" WHEN (")
                        .append(level.sql(dialect))
                        .append(") OR (")
                        .append(unparsed)
                        .append(") THEN ")
                        .append(gammaOf(i));
            } else if (level instanceof ComparisonLevel.ElseLevel) {
                sb.append(" ELSE ").append(gammaOf(i));
                hasElse = true;
            } else {
                int end = j;
                while (end + 1 < idx.size()
                        && ComparisonLevel.implies(levels.get(idx.get(end)), levels.get(idx.get(end + 1)))) {
                    end++;
                }
                if (end == j) {
                    sb.append(" WHEN (")
                            .append(level.sql(dialect))
                            .append(") THEN ")
                            .append(gammaOf(i));
                } else {
                    // levels j..end each imply the next (e.g. Jaro-Winkler >= 0.92, >= 0.8): test the loosest
                    // first, so a pair in none of them costs one similarity instead of one per level
                    int loosest = idx.get(end);
                    sb.append(" WHEN (")
                            .append(levels.get(loosest).sql(dialect))
                            .append(") THEN CASE");
                    for (int k = j; k < end; k++) {
                        sb.append(" WHEN (")
                                .append(levels.get(idx.get(k)).sql(dialect))
                                .append(") THEN ")
                                .append(gammaOf(idx.get(k)));
                    }
                    sb.append(" ELSE ").append(gammaOf(loosest)).append(" END");
                    j = end;
                }
            }
        }
        if (!hasElse) {
            sb.append(" ELSE 0");
        }
        return sb.append(" END").toString();
    }

    /** The date-difference levels (whose column must parse as a date with the level's format). */
    public List<ComparisonLevel.DateDifferenceLevel> dateLevels() {
        return levels.stream()
                .filter(ComparisonLevel.DateDifferenceLevel.class::isInstance)
                .map(ComparisonLevel.DateDifferenceLevel.class::cast)
                .toList();
    }

    /** Holds when either record's date does not parse with one of the date levels' formats; null without date levels. */
    public String unparsedDateSql(Dialect d) {
        Set<String> conditions = new LinkedHashSet<>();
        for (ComparisonLevel.DateDifferenceLevel level : dateLevels()) {
            conditions.add("(" + level.unparsedSql(d, "l") + ")");
            conditions.add("(" + level.unparsedSql(d, "r") + ")");
        }
        return conditions.isEmpty() ? null : String.join(" OR ", conditions);
    }

    /** All input columns read by the levels. */
    public Set<String> columns() {
        Set<String> cols = new LinkedHashSet<>();
        levels.forEach(l -> cols.addAll(l.columns()));
        return cols;
    }
}
