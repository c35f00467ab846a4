package org.datafirst.linkage.quality;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.pipeline.LoadStep;
import org.datafirst.linkage.settings.Comparison;
import org.datafirst.linkage.settings.ComparisonLevel;
import org.datafirst.linkage.settings.LinkageSettings;

/**
 * Problems in the input values that the model works around, for the report: per column read by a
 * date-difference level, how many values are present but do not parse with the level's
 * {@code date_format} (they count as missing in the comparison).
 */
public final class InputQuality {

    private InputQuality() {}

    /** Column → number of present values that are not dates in (one of) its date levels' formats. */
    public static Map<String, Long> unparsedDates(Engine db, LinkageSettings settings) {
        Map<String, Set<String>> conditions = new LinkedHashMap<>();
        for (Comparison c : settings.comparisons()) {
            for (ComparisonLevel.DateDifferenceLevel level : c.dateLevels()) {
                conditions
                        .computeIfAbsent(level.column(), k -> new LinkedHashSet<>())
                        .add("(" + level.unparsedSql(db.dialect(), "r") + ")");
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        conditions.forEach((column, cs) -> counts.put(
                column,
                db.queryLong("SELECT count(*) FROM " + LoadStep.TABLE + " r WHERE " + String.join(" OR ", cs))));
        return counts;
    }

    /** {@code {"unparsed_dates": {"dob": 123, …}}} with counts 1–9 suppressed; null without date levels. */
    public static ObjectNode json(Engine db, LinkageSettings settings, Disclosure disclosure) {
        Map<String, Long> counts = unparsedDates(db, settings);
        if (counts.isEmpty()) {
            return null;
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode dates = root.putObject("unparsed_dates");
        counts.forEach((column, n) -> dates.set(column, disclosure.count(n)));
        return root;
    }
}
