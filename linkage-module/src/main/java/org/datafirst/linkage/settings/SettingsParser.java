package org.datafirst.linkage.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads settings JSON into {@link LinkageSettings}. Every error names the JSON path of the offending
 * value ({@code $.comparisons[2].levels[1].threshold: must be between 0 and 1}); unknown properties
 * are errors too, so a typo never silently falls back to a default. The format is described by
 * {@code linkage-settings.schema.json} next to this class's resources.
 */
public final class SettingsParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern COMPARISON_NAME = Pattern.compile("\\$\\.comparisons\\[(\\d+)]\\.output_column_name");

    private SettingsParser() {}

    public static LinkageSettings parse(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    public static LinkageSettings parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidSettingsException(
                    "$",
                    "not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
        }
        return parse(root);
    }

    public static LinkageSettings parse(JsonNode root) {
        return within("$", () -> settings(new Obj(root, "$")));
    }

    private static LinkageSettings settings(Obj o) {
        o.allow(
                "link_type",
                "unique_id_column_name",
                "source_dataset_column_name",
                "role_column_name",
                "comparisons",
                "blocking_rules_to_generate_predictions",
                "training",
                "threshold_match_probability",
                "scored_pairs_floor",
                "person_id_column_name",
                "standardise",
                "clustering",
                "description");
        LinkType linkType = within(o.path + ".link_type", () -> LinkType.fromJson(o.string("link_type", true)));
        List<Comparison> comparisons = o.list("comparisons", true, SettingsParser::comparison);
        List<BlockingRule> blocking =
                o.list("blocking_rules_to_generate_predictions", true, SettingsParser::blockingRule);
        TrainingSettings training = o.object("training", SettingsParser::training);
        boolean lowercase = standardise(o);
        ClusteringSettings clustering = o.has("clustering") ? o.object("clustering", SettingsParser::clustering) : null;
        Obj root = o;
        try {
            return within(
                    o.path,
                    () -> new LinkageSettings(
                            linkType,
                            root.string("unique_id_column_name", true),
                            root.string("source_dataset_column_name", false),
                            root.string("role_column_name", false),
                            comparisons,
                            blocking,
                            training,
                            root.number("threshold_match_probability", 0.5),
                            root.number("scored_pairs_floor", 0.0),
                            root.string("person_id_column_name", false),
                            lowercase,
                            clustering));
        } catch (InvalidSettingsException e) {
            // a duplicate comparison name is named by the key that gave it (output_column_name, column_name or column)
            Matcher m = COMPARISON_NAME.matcher(e.path());
            if (m.matches()) {
                Obj comparison = o.child("comparisons").child(Integer.parseInt(m.group(1)));
                throw new InvalidSettingsException(comparison.path + "." + nameKey(comparison), e.reason());
            }
            throw e;
        }
    }

    /** The key a comparison's name comes from: its output_column_name, else its column (column_name or column). */
    private static String nameKey(Obj comparison) {
        return comparison.has("output_column_name") || !comparison.has(columnKey(comparison))
                ? "output_column_name"
                : columnKey(comparison);
    }

    /** Splink's spelling {@code column_name} when given, else {@code column}. */
    private static String columnKey(Obj o) {
        return o.has("column_name") ? "column_name" : "column";
    }

    private static boolean standardise(Obj o) {
        if (!o.has("standardise")) {
            return false;
        }
        Obj std = o.child("standardise");
        std.allow("lowercase");
        return std.bool("lowercase", false);
    }

    private static Comparison comparison(Obj o) {
        o.allow("output_column_name", "column", "column_name", "description", "levels", "comparison_levels");
        String columnKey = columnKey(o);
        String column = o.string(columnKey, false);
        String levelsKey = o.has("comparison_levels") ? "comparison_levels" : "levels";
        String name = o.has("output_column_name") ? o.string("output_column_name", false) : column;
        String columnPath = o.path + "." + columnKey;
        List<ComparisonLevel> levels = o.list(levelsKey, true, lvl -> level(lvl, column, columnPath));
        return within(o.path, () -> {
            try {
                return new Comparison(name, o.string("description", false), levels);
            } catch (InvalidSettingsException e) {
                // errors name the keys as written: levels or comparison_levels, and the key the name came from
                if (e.path().startsWith("comparison_levels")) {
                    throw new InvalidSettingsException(
                            levelsKey + e.path().substring("comparison_levels".length()), e.reason());
                }
                if (e.path().equals("output_column_name")) {
                    throw new InvalidSettingsException(nameKey(o), e.reason());
                }
                throw e;
            }
        });
    }

    /** A level; without a column of its own it compares its comparison's, and errors about it name that key. */
    private static ComparisonLevel level(Obj o, String comparisonColumn, String comparisonColumnPath) {
        try {
            return level(o, comparisonColumn);
        } catch (InvalidSettingsException e) {
            if (!o.has("column") && comparisonColumn != null && e.path().equals(o.path + ".column")) {
                throw new InvalidSettingsException(comparisonColumnPath, e.reason());
            }
            throw e;
        }
    }

    private static ComparisonLevel level(Obj o, String comparisonColumn) {
        String type = o.string("type", true).toLowerCase(Locale.ROOT);
        String column = o.has("column") ? o.string("column", false) : comparisonColumn;
        return within(o.path, () -> switch (type) {
            case "null" -> {
                o.allow("type", "column");
                yield new ComparisonLevel.NullLevel(column);
            }
            case "exact" -> {
                o.allow("type", "column", "tf_adjustment_column", "tf_adjustment_weight");
                yield new ComparisonLevel.ExactLevel(column, tf(o));
            }
            case "jaro_winkler" -> {
                o.allow("type", "column", "threshold", "tf_adjustment_column", "tf_adjustment_weight");
                yield new ComparisonLevel.JaroWinklerLevel(column, o.number("threshold", Double.NaN), tf(o));
            }
            case "jaro" -> {
                o.allow("type", "column", "threshold", "tf_adjustment_column", "tf_adjustment_weight");
                yield new ComparisonLevel.JaroLevel(column, o.number("threshold", Double.NaN), tf(o));
            }
            case "levenshtein" -> {
                o.allow("type", "column", "threshold", "tf_adjustment_column", "tf_adjustment_weight");
                yield new ComparisonLevel.LevenshteinLevel(column, o.integer("threshold"), tf(o));
            }
            case "damerau_levenshtein" -> {
                o.allow("type", "column", "threshold", "tf_adjustment_column", "tf_adjustment_weight");
                yield new ComparisonLevel.DamerauLevenshteinLevel(column, o.integer("threshold"), tf(o));
            }
            case "date_difference" -> {
                o.allow("type", "column", "threshold", "unit", "date_format");
                ComparisonLevel.DateUnit unit = within(o.path + ".unit", () -> {
                    String u = o.string("unit", true).toUpperCase(Locale.ROOT).replaceAll("S$", "");
                    try {
                        return ComparisonLevel.DateUnit.valueOf(u);
                    } catch (IllegalArgumentException e) {
                        throw new InvalidSettingsException("", "must be one of day, month, year");
                    }
                });
                yield new ComparisonLevel.DateDifferenceLevel(
                        column, o.integer("threshold"), unit, o.string("date_format", false));
            }
            case "columns_reversed" -> {
                o.allow("type", "column", "column_1", "column_2");
                yield new ComparisonLevel.ColumnsReversedLevel(o.string("column_1", true), o.string("column_2", true));
            }
            case "custom" -> {
                o.allow("type", "column", "sql_condition", "label", "columns");
                Set<String> cols = new LinkedHashSet<>(o.list("columns", false, c -> c.text()));
                if (column != null) {
                    cols.add(column);
                }
                yield new ComparisonLevel.CustomSqlLevel(
                        o.string("sql_condition", true), o.string("label", false), cols);
            }
            case "else" -> {
                o.allow("type", "column");
                yield new ComparisonLevel.ElseLevel();
            }
            default ->
                throw new InvalidSettingsException(
                        "type",
                        "unknown level type '" + type
                                + "' (null, exact, jaro_winkler, jaro, levenshtein, damerau_levenshtein, date_difference,"
                                + " columns_reversed, custom, else)");
        });
    }

    private static TermFrequencyAdjustment tf(Obj o) {
        if (!o.has("tf_adjustment_column")) {
            return null;
        }
        return new TermFrequencyAdjustment(
                o.string("tf_adjustment_column", true), o.number("tf_adjustment_weight", 1.0));
    }

    private static BlockingRule blockingRule(Obj o) {
        if (o.node.isTextual()) {
            return within(o.path, () -> BlockingRule.sql(o.node.asText()));
        }
        o.allow("block_on", "sql", "salting_partitions");
        List<String> cols = o.has("block_on") ? o.list("block_on", false, Obj::text) : null;
        int salting = o.has("salting_partitions") ? o.integer("salting_partitions") : 1;
        return within(o.path, () -> new BlockingRule(cols, o.string("sql", false), salting));
    }

    private static ClusteringSettings clustering(Obj o) {
        o.allow("method", "max_component_size", "cannot_link_rules", "merge_mean_probability", "veto_match_weight");
        ClusteringSettings.Method method = o.has("method")
                ? within(o.path + ".method", () -> ClusteringSettings.Method.fromJson(o.string("method", true)))
                : ClusteringSettings.DEFAULT.method();
        List<BlockingRule> cannotLink =
                o.has("cannot_link_rules") ? o.list("cannot_link_rules", false, SettingsParser::blockingRule) : null;
        ClusteringSettings d = ClusteringSettings.DEFAULT;
        return within(
                o.path,
                () -> new ClusteringSettings(
                        method,
                        (int) o.number("max_component_size", d.maxComponentSize()),
                        cannotLink,
                        o.number("merge_mean_probability", d.mergeMeanProbability()),
                        o.number("veto_match_weight", d.vetoMatchWeight())));
    }

    private static TrainingSettings training(Obj o) {
        o.allow(
                "deterministic_rules",
                "recall",
                "u_max_pairs",
                "em_blocking_rules",
                "max_iterations",
                "tolerance",
                "seed");
        List<BlockingRule> det = o.list("deterministic_rules", true, SettingsParser::blockingRule);
        List<BlockingRule> em = o.list("em_blocking_rules", true, SettingsParser::blockingRule);
        return within(
                o.path,
                () -> new TrainingSettings(
                        det,
                        o.number("recall", 0.9),
                        (long) o.number("u_max_pairs", 1_000_000),
                        em,
                        (int) o.number("max_iterations", 100),
                        o.number("tolerance", 1e-6),
                        (long) o.number("seed", 42)));
    }

    /** Runs a constructor, putting the path of the enclosing object in front of its errors. */
    private static <T> T within(String path, java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (InvalidSettingsException e) {
            throw e.path().startsWith("$") ? e : e.under(path);
        }
    }

    /** A JSON node together with its JSON path. */
    private record Obj(JsonNode node, String path) {
        void allow(String... keys) {
            if (!node.isObject()) {
                throw new InvalidSettingsException(path, "must be an object");
            }
            Set<String> allowed = Set.of(keys);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!allowed.contains(key)) {
                    throw new InvalidSettingsException(
                            path + "." + key, "unknown property (allowed: " + String.join(", ", keys) + ")");
                }
            }
        }

        boolean has(String key) {
            return node.isObject() && node.has(key) && !node.get(key).isNull();
        }

        Obj child(String key) {
            return new Obj(node.get(key), path + "." + key);
        }

        Obj child(int index) {
            return new Obj(node.get(index), path + "[" + index + "]");
        }

        String text() {
            if (!node.isTextual()) {
                throw new InvalidSettingsException(path, "must be a string");
            }
            return node.asText();
        }

        String string(String key, boolean required) {
            if (!has(key)) {
                if (required) {
                    throw new InvalidSettingsException(path + "." + key, "is required");
                }
                return null;
            }
            return child(key).text();
        }

        double number(String key, double fallback) {
            if (!has(key)) {
                if (Double.isNaN(fallback)) {
                    throw new InvalidSettingsException(path + "." + key, "is required");
                }
                return fallback;
            }
            JsonNode v = node.get(key);
            if (!v.isNumber()) {
                throw new InvalidSettingsException(path + "." + key, "must be a number");
            }
            return v.asDouble();
        }

        int integer(String key) {
            if (!has(key)) {
                throw new InvalidSettingsException(path + "." + key, "is required");
            }
            JsonNode v = node.get(key);
            if (!v.isIntegralNumber()) {
                throw new InvalidSettingsException(path + "." + key, "must be a whole number");
            }
            return v.asInt();
        }

        boolean bool(String key, boolean fallback) {
            if (!has(key)) {
                return fallback;
            }
            if (!node.get(key).isBoolean()) {
                throw new InvalidSettingsException(path + "." + key, "must be true or false");
            }
            return node.get(key).asBoolean();
        }

        <T> T object(String key, Function<Obj, T> reader) {
            if (!has(key)) {
                throw new InvalidSettingsException(path + "." + key, "is required");
            }
            return reader.apply(child(key));
        }

        <T> List<T> list(String key, boolean required, Function<Obj, T> reader) {
            if (!has(key)) {
                if (required) {
                    throw new InvalidSettingsException(path + "." + key, "is required");
                }
                return List.of();
            }
            JsonNode arr = node.get(key);
            if (!arr.isArray()) {
                throw new InvalidSettingsException(path + "." + key, "must be an array");
            }
            List<T> out = new ArrayList<>();
            for (int i = 0; i < arr.size(); i++) {
                String p = path + "." + key + "[" + i + "]";
                Obj item = new Obj(arr.get(i), p);
                out.add(within(p, () -> reader.apply(item)));
            }
            return out;
        }
    }
}
