package org.datafirst.linkage.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.datafirst.linkage.io.ModelJson;
import org.datafirst.linkage.pipeline.Clusterer;
import org.datafirst.linkage.pipeline.DuckDbSession;
import org.datafirst.linkage.pipeline.LinkageModel;
import org.datafirst.linkage.pipeline.LoadStep;
import org.datafirst.linkage.pipeline.Predictor;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.sql.Sql;

/**
 * The linkage-quality report (JSON, schema {@code linkage-quality-report.schema.json}): per source
 * dataset and per role, record counts, identifier completeness, duplicate rate, cluster sizes and
 * cross-dataset link rates; over all pairs, the match-weight histogram and the model's expected
 * false and missed matches; the model as provenance; with labels or truth, precision/recall/F1.
 * Every count and rate passes through {@link Disclosure}.
 */
public final class QualityReport {

    public static final String FORMAT = "datafirst-linkage-quality-report/1";
    static final String ALL_ROLES = "(all)";
    private static final ObjectMapper MAPPER = ModelJson.MAPPER;

    private final DuckDbSession db;
    private final LinkageModel model;
    private final Disclosure disclosure;

    public QualityReport(DuckDbSession db, LinkageModel model, Disclosure disclosure) {
        this.db = db;
        this.model = model;
        this.disclosure = disclosure;
    }

    /** Builds the report from the {@code records}, {@code predictions} and {@code clusters} tables. */
    public ObjectNode build(Instant started, double runSeconds, Map<String, Double> stepSeconds, Evaluation.Result evaluation) {
        LinkageSettings s = model.settings();
        double t = s.matchThreshold();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.set("provenance", provenance(started, runSeconds, stepSeconds));
        root.set("disclosure_control", disclosureNode());

        ObjectNode overall = root.putObject("overall");
        long records = db.queryLong("SELECT count(*) FROM " + LoadStep.TABLE);
        long pairs = db.queryLong("SELECT count(*) FROM " + Predictor.TABLE);
        long accepted = db.queryLong("SELECT count(*) FROM " + Predictor.TABLE + " WHERE match_probability >= ?", t);
        overall.set("records", disclosure.count(records));
        overall.set("source_datasets", disclosure.count(db.queryLong("SELECT count(DISTINCT __sd) FROM " + LoadStep.TABLE)));
        overall.set("scored_pairs", disclosure.count(pairs));
        overall.set("accepted_pairs", disclosure.count(accepted));
        overall.set("clusters", disclosure.count(db.queryLong("SELECT count(DISTINCT cluster_id) FROM " + Clusterer.TABLE)));
        double expFalse = db.queryDouble("SELECT coalesce(sum(1 - match_probability), 0) FROM " + Predictor.TABLE
                + " WHERE match_probability >= ?", t);
        double expMissed = db.queryDouble("SELECT coalesce(sum(match_probability), 0) FROM " + Predictor.TABLE
                + " WHERE match_probability < ?", t);
        overall.set("expected_false_matches", disclosure.estimate(expFalse, accepted));
        overall.set("expected_missed_matches", disclosure.estimate(expMissed, pairs - accepted));
        overall.set("match_weight_histogram", histogram());

        root.set("groups", groups());
        if (evaluation != null) {
            root.set("evaluation", evaluationNode(evaluation));
        }
        return root;
    }

    private ObjectNode provenance(Instant started, double runSeconds, Map<String, Double> stepSeconds) {
        ObjectNode p = MAPPER.createObjectNode();
        p.put("software", "datafirst linkage-module");
        p.put("software_version", version());
        p.put("settings_sha256", sha256(model.settingsJson()));
        p.put("run_started", started.toString());
        p.put("run_seconds", Disclosure.round(runSeconds, 3));
        ObjectNode steps = p.putObject("step_seconds");
        stepSeconds.forEach((k, v) -> steps.put(k, Disclosure.round(v, 3)));
        p.put("link_type", model.settings().linkType().jsonName());
        p.put("threshold_match_probability", model.settings().matchThreshold());
        ObjectNode m = p.putObject("model");
        ObjectNode full = ModelJson.toJson(model);
        m.put("probability_two_random_records_match", model.lambda());
        m.set("comparisons", full.get("comparisons"));
        m.set("blocking_rules_to_generate_predictions", MAPPER.valueToTree(
                model.settings().blockingRules().stream().map(r -> r.describe()).toList()));
        return p;
    }

    private ObjectNode disclosureNode() {
        ObjectNode d = MAPPER.createObjectNode();
        d.put("minimum_count", disclosure.minimum());
        d.put("rule", "counts from 1 to " + (disclosure.minimum() - 1) + " are suppressed; a rate is suppressed when its"
                + " numerator, complement or denominator is such a count; model estimates resting on such a count are"
                + " suppressed");
        return d;
    }

    private ArrayNode histogram() {
        ArrayNode bins = MAPPER.createArrayNode();
        for (var row : db.query("SELECT floor(match_weight)::INT AS lo, count(*) FROM " + Predictor.TABLE + " GROUP BY 1 ORDER BY 1")) {
            ObjectNode b = bins.addObject();
            int lo = ((Number) row.get(0)).intValue();
            b.put("lower_weight", lo);
            b.put("upper_weight", lo + 1);
            b.set("pairs", disclosure.count(((Number) row.get(1)).longValue()));
        }
        return bins;
    }

    /** One entry per dataset for all roles, then per dataset and role when a role column is set. */
    private ArrayNode groups() {
        LinkageSettings s = model.settings();
        String role = s.roleColumn() != null && db.columns(LoadStep.TABLE).contains(s.roleColumn())
                ? "coalesce(" + Sql.ident(s.roleColumn()) + ", '(missing)')" : Sql.string(ALL_ROLES);
        db.execute("CREATE OR REPLACE TEMP TABLE __rc AS SELECT r.*, " + role + " AS __role, c.cluster_id,"
                + " count(*) OVER (PARTITION BY c.cluster_id) AS __csize,"
                + " count(*) OVER (PARTITION BY c.cluster_id, r.__sd) AS __csize_sd"
                + " FROM " + LoadStep.TABLE + " r JOIN " + Clusterer.TABLE + " c USING (__rid)");
        db.execute("CREATE OR REPLACE TEMP TABLE __cluster_sd AS SELECT DISTINCT cluster_id, __sd FROM __rc");
        List<String> datasets = db.query("SELECT DISTINCT __sd FROM __rc ORDER BY 1").stream().map(r -> (String) r.get(0)).toList();
        ArrayNode out = MAPPER.createArrayNode();
        for (String sd : datasets) {
            out.add(group(sd, null, datasets));
            if (!role.equals(Sql.string(ALL_ROLES))) {
                for (var r : db.query("SELECT DISTINCT __role FROM __rc WHERE __sd = ? ORDER BY 1", sd)) {
                    out.add(group(sd, (String) r.get(0), datasets));
                }
            }
        }
        db.execute("DROP TABLE __rc");
        db.execute("DROP TABLE __cluster_sd");
        return out;
    }

    private ObjectNode group(String sd, String role, List<String> datasets) {
        String where = "__sd = ?" + (role == null ? "" : " AND __role = ?");
        Object[] params = role == null ? new Object[] {sd} : new Object[] {sd, role};
        ObjectNode g = MAPPER.createObjectNode();
        g.put("source_dataset", sd);
        g.put("role", role == null ? ALL_ROLES : role);
        long n = db.queryLong("SELECT count(*) FROM __rc WHERE " + where, params);
        g.set("records", disclosure.count(n));
        ObjectNode completeness = g.putObject("identifier_completeness");
        for (String col : model.settings().inputColumns()) {
            long present = db.queryLong("SELECT count(" + Sql.ident(col) + ") FROM __rc WHERE " + where, params);
            completeness.set(col, disclosure.rate(present, n));
        }
        long dup = db.queryLong("SELECT count(*) FROM __rc WHERE __csize_sd > 1 AND " + where, params);
        g.set("records_with_duplicates", disclosure.count(dup));
        g.set("duplicate_rate", disclosure.rate(dup, n));
        ObjectNode sizes = g.putObject("cluster_size_distribution");
        for (var row : db.query("SELECT CASE WHEN s >= 10 THEN '10+' WHEN s >= 5 THEN '5-9' ELSE s::VARCHAR END AS b, count(*)"
                + " FROM (SELECT cluster_id, max(__csize) AS s FROM __rc WHERE " + where + " GROUP BY cluster_id) GROUP BY 1 ORDER BY min(s)",
                params)) {
            sizes.set((String) row.get(0), disclosure.count(((Number) row.get(1)).longValue()));
        }
        ArrayNode links = g.putArray("cross_dataset_link_rates");
        for (String other : datasets) {
            if (other.equals(sd)) {
                continue;
            }
            Object[] p2 = role == null ? new Object[] {other, sd} : new Object[] {other, sd, role};
            long linked = db.queryLong("SELECT count(*) FROM __rc WHERE cluster_id IN (SELECT cluster_id FROM __cluster_sd WHERE __sd = ?)"
                    + " AND " + where, p2);
            ObjectNode l = links.addObject();
            l.put("other_dataset", other);
            l.set("linked_records", disclosure.count(linked));
            l.set("rate", disclosure.rate(linked, n));
        }
        return g;
    }

    private ObjectNode evaluationNode(Evaluation.Result e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("method", e.method());
        o.put("interval_method", "Wilson score for precision and recall; delta method for F1 (via the Jaccard index)");
        o.set("true_pairs", disclosure.count(e.truePairs()));
        o.set("at_threshold", metrics(e.atThreshold()));
        o.set("best_f1", metrics(e.best()));
        ArrayNode curve = o.putArray("across_thresholds");
        e.curve().forEach(m -> curve.add(metrics(m)));
        return o;
    }

    private JsonNode metrics(Metrics m) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("threshold_match_probability", Disclosure.round(m.threshold(), 6));
        o.set("true_positives", disclosure.count(m.tp()));
        o.set("false_positives", disclosure.count(m.fp()));
        o.set("false_negatives", disclosure.count(m.fn()));
        boolean small = disclosure.isSmall(m.tp()) || disclosure.isSmall(m.fp()) || disclosure.isSmall(m.fn());
        if (small) {
            ObjectNode sup = disclosure.suppressed(Disclosure.DERIVED + disclosure.minimum());
            o.set("precision", sup);
            o.set("recall", sup);
            o.set("f1", sup);
        } else {
            o.set("precision", withCi(m.precision(), m.precisionCi()));
            o.set("recall", withCi(m.recall(), m.recallCi()));
            o.set("f1", withCi(m.f1(), m.f1Ci()));
        }
        return o;
    }

    private ObjectNode withCi(double v, double[] ci) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("value", Disclosure.round(v, 6));
        o.put("ci95_lower", Disclosure.round(ci[0], 6));
        o.put("ci95_upper", Disclosure.round(ci[1], 6));
        return o;
    }

    static String version() {
        String v = QualityReport.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    static String sha256(JsonNode json) {
        try {
            byte[] bytes = MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(json);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
