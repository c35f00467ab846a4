package org.datafirst.linkage.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.settings.Comparison;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.settings.TermFrequencyAdjustment;
import org.datafirst.linkage.sql.Dialect;
import org.datafirst.linkage.sql.Sql;

/**
 * Step "predict": blocks, compares and scores in one statement per blocking rule, storing
 * {@code predictions(rid_l, rid_r, match_key, gamma_..., match_weight, match_probability)}.
 * match_weight = log2(λ/(1-λ)) + Σ log2(m/u) + term-frequency adjustments; probability = 2^w / (1 + 2^w).
 */
public final class Predictor {

    public static final String TABLE = "predictions";

    private Predictor() {}

    /** Scores every blocked pair; keeps pairs with probability at or above {@code floor}. */
    public static long run(Engine db, LinkageModel model, double floor) {
        return run(db, model, floor, null);
    }

    /** As above, for the blocked pairs that also meet {@code extra} (e.g. {@code r.__rid >= 1000}: pairs with a new record). */
    public static long run(Engine db, LinkageModel model, double floor, String extra) {
        LinkageSettings s = model.settings();
        String pairs = Blocking.pairsSql(
                s.blockingRules(), s.linkType(), db.dialect(), innerSelect(model, db.dialect()), extra);
        // Gammas are materialised first: computed inline, DuckDB would evaluate the string
        // comparisons again inside the weight and probability expressions.
        db.createTable("__gammas", pairs);
        db.createTable(TABLE, scoreSql(model, "SELECT * FROM __gammas", floor));
        db.dropTable("__gammas");
        return db.queryLong("SELECT count(*) FROM " + TABLE);
    }

    /** Scores the pairs of a table {@code (rid_l, rid_r)} (e.g. clerically labelled pairs) into {@code target}. */
    public static void scorePairs(Engine db, LinkageModel model, String pairTable, String target) {
        String pairs = "SELECT " + innerSelect(model, db.dialect()) + ", -1 AS match_key FROM " + pairTable + " p JOIN "
                + LoadStep.TABLE + " l ON l.__rid = p.rid_l JOIN " + LoadStep.TABLE + " r ON r.__rid = p.rid_r";
        db.createTable("__gammas", pairs);
        db.createTable(target, scoreSql(model, "SELECT * FROM __gammas", 0));
        db.dropTable("__gammas");
    }

    static String innerSelect(LinkageModel model, Dialect d) {
        StringBuilder sb = new StringBuilder("l.__rid AS rid_l, r.__rid AS rid_r, ");
        sb.append(ComparisonVectors.gammaSelect(model.settings().comparisons(), d));
        for (String col : model.settings().termFrequencyColumns()) {
            String tf = TermFrequencies.tfColumn(col);
            sb.append(", greatest(l.")
                    .append(Sql.ident(tf))
                    .append(", r.")
                    .append(Sql.ident(tf))
                    .append(") AS ")
                    .append(Sql.ident(tf));
        }
        return sb.toString();
    }

    static String scoreSql(LinkageModel model, String pairs, double floor) {
        List<Comparison> cs = model.settings().comparisons();
        String weight = weightSql(model);
        String where = floor > 0 ? " WHERE match_probability >= " + Sql.number(floor) : "";
        return "SELECT rid_l, rid_r, match_key, " + ComparisonVectors.gammaColumns(cs) + ", match_weight, "
                + "match_probability FROM (SELECT *, 1.0 / (1.0 + pow(2.0, -match_weight)) AS match_probability FROM ("
                + "SELECT *, " + weight + " AS match_weight FROM (" + pairs + ")))" + where;
    }

    /** The match weight as an SQL expression over the gamma and {@code __tf_} columns. */
    public static String weightSql(LinkageModel model) {
        List<Comparison> cs = model.settings().comparisons();
        List<String> terms = new ArrayList<>();
        terms.add(Sql.number(model.priorWeight()));
        for (int k = 0; k < cs.size(); k++) {
            Comparison c = cs.get(k);
            String gamma = Sql.ident(c.gammaColumn());
            StringBuilder cse = new StringBuilder("(CASE ").append(gamma);
            for (int g = 0; g < c.levelCount(); g++) {
                cse.append(" WHEN ").append(g).append(" THEN ").append(Sql.number(model.log2BayesFactor(k, g)));
            }
            terms.add(cse.append(" ELSE 0.0 END)").toString());
            for (int g = 0; g < c.levelCount(); g++) {
                Optional<TermFrequencyAdjustment> tf = c.levelForGamma(g).termFrequency();
                if (tf.isPresent() && tf.get().weight() > 0) {
                    double uLevel = Math.max(model.u()[k][g], LinkageModel.FLOOR);
                    String tfCol = Sql.ident(TermFrequencies.tfColumn(tf.get().column()));
                    terms.add("(CASE WHEN " + gamma + " = " + g + " AND " + tfCol + " > 0 THEN "
                            + Sql.number(tf.get().weight()) + " * (" + Sql.number(LinkageModel.log2(uLevel))
                            + " - log2("
                            + tfCol + ")) ELSE 0.0 END)");
                }
            }
        }
        return String.join(" + ", terms);
    }
}
