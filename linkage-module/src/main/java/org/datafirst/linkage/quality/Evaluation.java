package org.datafirst.linkage.quality;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.pipeline.Blocking;
import org.datafirst.linkage.pipeline.InputDataException;
import org.datafirst.linkage.pipeline.LinkageModel;
import org.datafirst.linkage.pipeline.LoadStep;
import org.datafirst.linkage.pipeline.PipelineException;
import org.datafirst.linkage.pipeline.Predictor;
import org.datafirst.linkage.settings.BlockingRule;
import org.datafirst.linkage.settings.LinkType;
import org.datafirst.linkage.sql.Sql;

/**
 * Accuracy against the truth, pairwise (as Splink reports it):
 * <ul>
 * <li>a ground-truth column: every pair of records with equal truth is a true match (for
 * link_only, only pairs across source datasets); scored pairs are the blocked predictions, and true
 * pairs never blocked count as missed;</li>
 * <li>a clerical labels file (Splink's format {@code unique_id_l, source_dataset_l, unique_id_r,
 * source_dataset_r, clerical_match_score}); a score ≥ 0.5 is a match. Every labelled pair is scored
 * by the model; as Splink's {@code accuracy_analysis_from_labels_table} does (its
 * {@code positives_not_captured_by_blocking_rules_scored_as_zero}, on by default), a labelled pair
 * that no prediction blocking rule produces is then a predicted non-match at every threshold, so a
 * true match that blocking misses counts as missed. With {@code scoreUnblocked} it keeps the model's
 * score instead, which judges the model alone, not the blocking.</li>
 * </ul>
 */
public final class Evaluation {

    /** The labelled pairs {@code (rid_l, rid_r, score)} that {@link #fromLabels} leaves for the cluster evaluation. */
    public static final String LABEL_PAIRS = "__label_pairs";
    /** Match weight given to labelled pairs that blocking does not produce, below any threshold (Splink uses -999 too). */
    private static final double UNBLOCKED_WEIGHT = -999;
    /** The truth column that {@link #fromIdPattern} adds to the records. */
    public static final String TRUTH_FROM_ID = "__truth";

    /** At the chosen threshold, the threshold with the best F1, and a curve across thresholds. */
    public record Result(String method, long truePairs, Metrics atThreshold, Metrics best, List<Metrics> curve) {}

    private Evaluation() {}

    public static Result fromTruthColumn(Engine db, LinkType linkType, String truthColumn, double threshold) {
        if (!db.columns(LoadStep.TABLE).contains(truthColumn)) {
            throw new InputDataException("ground-truth column '" + truthColumn + "' not found in the input");
        }
        return fromTruth(db, linkType, Sql.ident(truthColumn), "ground truth column " + truthColumn, threshold);
    }

    /**
     * Truth taken from the unique id by a regular expression's first group, e.g. {@code ^rec-(\d+)}
     * for FEBRL ids "rec-12-org" and "rec-12-dup-0".
     */
    public static Result fromIdPattern(Engine db, LinkType linkType, String regex, double threshold) {
        requireIdPattern(regex);
        requireIdPatternMatches(db, regex);
        String expr = "nullif(regexp_extract(__uid, " + Sql.text(regex) + ", 1), '')";
        db.createTable(LoadStep.TABLE, "SELECT *, " + expr + " AS __truth FROM " + LoadStep.TABLE + " ORDER BY __rid");
        return fromTruth(db, linkType, "__truth", "entity id from unique id by " + regex, threshold);
    }

    /**
     * Refuses, before any work, a {@code --truth-from-id} pattern that does not compile or has no
     * capturing group (usage errors).
     */
    public static void requireIdPattern(String regex) {
        java.util.regex.Pattern p;
        try {
            p = java.util.regex.Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("--truth-from-id '" + regex + "' is not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex());
        }
        if (p.matcher("").groupCount() < 1) {
            throw new IllegalArgumentException(
                    "--truth-from-id '" + regex + "' has no capturing group; put the part of the"
                            + " id that names the entity in parentheses, e.g. '^rec-(\\d+)'");
        }
    }

    /**
     * Refuses a {@code --truth-from-id} pattern whose first group matches none of the loaded unique
     * ids (bad input data), or that DuckDB's regular expressions do not accept (usage error).
     */
    public static void requireIdPatternMatches(Engine db, String regex) {
        long matched;
        try {
            matched = db.queryLong("SELECT count(*) FROM " + LoadStep.TABLE + " WHERE regexp_extract(__uid, "
                    + Sql.text(regex) + ", 1) <> ''");
        } catch (PipelineException e) {
            throw new IllegalArgumentException(
                    "--truth-from-id '" + regex + "' is not accepted by DuckDB: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
        if (matched == 0) {
            var examples = db.query("SELECT __uid FROM " + LoadStep.TABLE + " ORDER BY __rid LIMIT 3");
            throw new InputDataException("--truth-from-id '" + regex + "' matches none of the unique ids (e.g. "
                    + String.join(
                            ", ",
                            examples.stream().map(r -> "'" + r.get(0) + "'").toList()) + ")");
        }
    }

    private static Result fromTruth(Engine db, LinkType linkType, String t, String method, double threshold) {
        String truePairsSql = linkType == LinkType.LINK_ONLY
                ? "SELECT sum(pairs) FROM (SELECT (sum(n) * sum(n) - sum(n * n)) / 2 AS pairs FROM (SELECT " + t
                        + ", __sd, count(*)::DECIMAL(38, 0) AS n FROM " + LoadStep.TABLE + " WHERE " + t
                        + " IS NOT NULL GROUP BY ALL) GROUP BY " + t + ")"
                : "SELECT sum(n * (n - 1) / 2) FROM (SELECT count(*)::DECIMAL(38, 0) AS n FROM " + LoadStep.TABLE
                        + " WHERE " + t + " IS NOT NULL GROUP BY " + t + ")";
        long truePairs = db.queryLong(truePairsSql);
        String scored = "SELECT p.match_weight, p.match_probability, (l." + t + " = r." + t + ")::INT AS is_match FROM "
                + Predictor.TABLE + " p JOIN " + LoadStep.TABLE + " l ON l.__rid = p.rid_l JOIN " + LoadStep.TABLE
                + " r ON r.__rid = p.rid_r";
        return curve(db, method, scored, truePairs, threshold);
    }

    public static Result fromLabels(
            Engine db, LinkageModel model, Path labels, double threshold, boolean scoreUnblocked) {
        if (!Files.isRegularFile(labels)) {
            throw new InputDataException(labels + ": file not found");
        }
        try {
            db.registerFile("__labels_file", labels);
            db.createTable(
                    "__labels_raw",
                    "SELECT *, CAST(" + db.dialect().fileRowNumber() + " AS BIGINT) + 1 AS __row FROM __labels_file");
            db.dropTable("__labels_file");
        } catch (PipelineException e) {
            throw new InputDataException(
                    labels + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        List<String> cols = db.columns("__labels_raw");
        for (String c : List.of("unique_id_l", "unique_id_r", "clerical_match_score")) {
            if (!cols.contains(c)) {
                throw new InputDataException(
                        labels + ": column '" + c + "' not found (columns: " + String.join(", ", cols) + ")");
            }
        }
        String sdL = cols.contains("source_dataset_l") ? "lab.source_dataset_l" : "l.__sd";
        String sdR = cols.contains("source_dataset_r") ? "lab.source_dataset_r" : "r.__sd";
        var badScore = db.query(
                "SELECT __row, clerical_match_score FROM __labels_raw WHERE TRY_CAST(clerical_match_score AS DOUBLE) IS NULL"
                        + " OR TRY_CAST(clerical_match_score AS DOUBLE) NOT BETWEEN 0 AND 1 ORDER BY __row LIMIT 1");
        if (!badScore.isEmpty()) {
            throw new InputDataException(labels + ": row " + badScore.get(0).get(0) + ", column clerical_match_score: '"
                    + badScore.get(0).get(1) + "' is not a number between 0 and 1");
        }
        db.createTable(
                "__label_pairs",
                "SELECT lab.__row, l.__rid AS rid_l, r.__rid AS rid_r, "
                        + "CAST(lab.clerical_match_score AS DOUBLE) AS score FROM __labels_raw lab "
                        + "LEFT JOIN " + LoadStep.TABLE + " l ON l.__uid = lab.unique_id_l AND (" + sdL
                        + " IS NULL OR l.__sd = " + sdL + ") "
                        + "LEFT JOIN " + LoadStep.TABLE + " r ON r.__uid = lab.unique_id_r AND (" + sdR
                        + " IS NULL OR r.__sd = " + sdR + ")");
        var unknown = db.query(
                "SELECT __row, CASE WHEN rid_l IS NULL THEN 'unique_id_l' ELSE 'unique_id_r' END FROM __label_pairs "
                        + "WHERE rid_l IS NULL OR rid_r IS NULL ORDER BY __row LIMIT 1");
        if (!unknown.isEmpty()) {
            throw new InputDataException(labels + ": row " + unknown.get(0).get(0) + ", column "
                    + unknown.get(0).get(1) + ": no input record has this id");
        }
        Predictor.scorePairs(db, model, "__label_pairs", "__label_scores");
        // as the blocking step sees a pair: the lower row number on the left
        List<BlockingRule> rules = model.settings().blockingRules();
        String blocked = "EXISTS (SELECT 1 FROM " + LoadStep.TABLE + " l, " + LoadStep.TABLE
                + " r WHERE l.__rid = least(lp.rid_l, lp.rid_r)"
                + " AND r.__rid = greatest(lp.rid_l, lp.rid_r) AND "
                + Blocking.pairFilter(model.settings().linkType()) + " AND ("
                + String.join(
                        " OR ",
                        rules.stream()
                                .map(b -> "coalesce(" + b.sql(db.dialect()) + ", FALSE)")
                                .toList())
                + "))";
        String unblocked = scoreUnblocked ? "FALSE" : "NOT " + blocked;
        db.createTable(
                "__label_scored",
                "SELECT CASE WHEN " + unblocked + " THEN "
                        + Sql.number(UNBLOCKED_WEIGHT)
                        + " ELSE s.match_weight END AS match_weight, CASE WHEN " + unblocked
                        + " THEN 0 ELSE s.match_probability END AS match_probability, "
                        + "(lp.score >= 0.5)::INT AS is_match FROM __label_scores s "
                        + "JOIN (SELECT DISTINCT rid_l, rid_r, score FROM __label_pairs) lp ON lp.rid_l = s.rid_l AND lp.rid_r = s.rid_r");
        String scored = "SELECT * FROM __label_scored";
        long truePairs = db.queryLong("SELECT count(*) FROM __label_pairs WHERE score >= 0.5");
        return curve(
                db,
                "clerical labels " + labels.getFileName()
                        + (scoreUnblocked
                                ? ", every labelled pair scored by the model"
                                : ", labelled pairs the blocking rules do not produce count as non-matches (Splink's way)"),
                scored,
                truePairs,
                threshold);
    }

    /** Cumulative TP/FP by descending match weight (rounded to 0.01) gives every threshold's metrics. */
    private static Result curve(Engine db, String method, String scored, long truePairs, double threshold) {
        long tp = db.queryLong(
                "SELECT count(*) FROM (" + scored + ") WHERE is_match = 1 AND match_probability >= ?", threshold);
        long fp = db.queryLong(
                "SELECT count(*) FROM (" + scored + ") WHERE is_match = 0 AND match_probability >= ?", threshold);
        Metrics at = Metrics.of(threshold, tp, fp, truePairs - tp);
        var rows = db.query("SELECT round(match_weight, 2) AS w, sum(is_match), count(*) FROM (" + scored
                + ") GROUP BY 1 ORDER BY 1 DESC");
        List<Metrics> curve = new ArrayList<>();
        Metrics best = at;
        long cumTp = 0;
        long cumAll = 0;
        for (var row : rows) {
            cumTp += ((Number) row.get(1)).longValue();
            cumAll += ((Number) row.get(2)).longValue();
            if (((Number) row.get(0)).doubleValue() <= UNBLOCKED_WEIGHT) {
                continue; // pairs never predicted a match (unblocked labelled pairs): no threshold reaches them
            }
            double w = ((Number) row.get(0)).doubleValue() - 0.005;
            double p = 1 / (1 + Math.pow(2, -w));
            Metrics m = Metrics.of(p, cumTp, cumAll - cumTp, truePairs - cumTp);
            if (m.f1() > best.f1()) {
                best = m;
            }
            curve.add(m);
        }
        return new Result(method, truePairs, at, best, thin(curve));
    }

    /** At most ~50 points of the curve, for the report. */
    private static List<Metrics> thin(List<Metrics> curve) {
        if (curve.size() <= 50) {
            return curve;
        }
        List<Metrics> out = new ArrayList<>();
        double step = curve.size() / 50.0;
        for (int i = 0; i < 50; i++) {
            out.add(curve.get((int) (i * step)));
        }
        out.add(curve.get(curve.size() - 1));
        return out;
    }
}
