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
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.io.ModelJson;
import org.datafirst.linkage.pipeline.Clusterer;
import org.datafirst.linkage.pipeline.LinkageModel;
import org.datafirst.linkage.pipeline.LoadStep;
import org.datafirst.linkage.pipeline.Predictor;
import org.datafirst.linkage.settings.ClusteringSettings;
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

    private final Engine db;
    private final LinkageModel model;
    private final Disclosure disclosure;

    public QualityReport(Engine db, LinkageModel model, Disclosure disclosure) {
        this.db = db;
        this.model = model;
        this.disclosure = disclosure;
    }

    /** Builds the report from the {@code records}, {@code predictions} and {@code clusters} tables. */
    public ObjectNode build(
            Instant started,
            double runSeconds,
            Map<String, Double> stepSeconds,
            ClusteringSettings.Method clustering,
            Evaluation.Result evaluation,
            ClusterEvaluation clusterEvaluation) {
        LinkageSettings s = model.settings();
        double t = s.matchThreshold();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.set("provenance", provenance(started, runSeconds, stepSeconds));
        root.set("disclosure_control", disclosureNode());
        ObjectNode inputQuality = InputQuality.json(db, s, disclosure);
        if (inputQuality != null) {
            root.set("input_quality", inputQuality);
        }

        ObjectNode overall = root.putObject("overall");
        long records = db.queryLong("SELECT count(*) FROM " + LoadStep.TABLE);
        long pairs = db.queryLong("SELECT count(*) FROM " + Predictor.TABLE);
        long accepted = db.queryLong("SELECT count(*) FROM " + Predictor.TABLE + " WHERE match_probability >= ?", t);
        overall.set("records", disclosure.count(records));
        overall.set(
                "source_datasets",
                disclosure.count(db.queryLong("SELECT count(DISTINCT __sd) FROM " + LoadStep.TABLE)));
        overall.set("scored_pairs", disclosure.count(pairs));
        overall.set("accepted_pairs", disclosure.count(accepted));
        overall.set(
                "clusters",
                disclosure.count(db.queryLong("SELECT count(DISTINCT cluster_id) FROM " + Clusterer.TABLE)));
        double expFalse = db.queryDouble(
                "SELECT coalesce(sum(1 - match_probability), 0) FROM " + Predictor.TABLE
                        + " WHERE match_probability >= ?",
                t);
        double expMissed = db.queryDouble(
                "SELECT coalesce(sum(match_probability), 0) FROM " + Predictor.TABLE + " WHERE match_probability < ?",
                t);
        overall.set("expected_false_matches", disclosure.estimate(expFalse, accepted));
        overall.set("expected_missed_matches", disclosure.estimate(expMissed, pairs - accepted));
        overall.set("match_weight_histogram", histogram());
        overall.set("clustering", clustering(clustering));

        root.set("groups", groups());
        if (evaluation != null) {
            ObjectNode e = evaluationNode(evaluation);
            if (clusterEvaluation != null) {
                e.set("clusters", clusterEvaluationNode(clusterEvaluation));
            }
            root.set("evaluation", e);
        }
        ReportSums.apply(root, disclosure); // what sums of the published counts would give back
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
        m.set(
                "blocking_rules_to_generate_predictions",
                MAPPER.valueToTree(model.settings().blockingRules().stream()
                        .map(r -> r.describe())
                        .toList()));
        return p;
    }

    private ObjectNode disclosureNode() {
        ObjectNode d = MAPPER.createObjectNode();
        d.put("minimum_count", disclosure.minimum());
        d.put(
                "rule",
                "counts from 1 to " + (disclosure.minimum() - 1) + " are suppressed; a rate is suppressed when its"
                        + " numerator, complement or denominator is such a count; model estimates resting on such a count are"
                        + " suppressed; further counts are suppressed (with their rates) until no such count can be worked"
                        + " out from the published figures through the sums listed in the report schema");
        return d;
    }

    /** Cluster-size bands: exact up to 4, then widening, so a long tail of large clusters stays visible. */
    static String sizeBand(String size) {
        StringBuilder sb = new StringBuilder("CASE");
        int[] lower = {1000, 500, 200, 100, 50, 20, 10, 5};
        String[] band = {"1000+", "500-999", "200-499", "100-199", "50-99", "20-49", "10-19", "5-9"};
        for (int i = 0; i < lower.length; i++) {
            sb.append(" WHEN ")
                    .append(size)
                    .append(" >= ")
                    .append(lower[i])
                    .append(" THEN '")
                    .append(band[i])
                    .append('\'');
        }
        return sb.append(" ELSE ").append(size).append("::STRING END").toString();
    }

    /**
     * Signs of chaining, without truth: the size distribution with its tail, the band of the largest
     * cluster, and the clusters whose accepted edges hold them together weakly (density, bridges). Exact
     * sizes of single clusters describe single people, so they stay in the local cluster_shapes output.
     */
    private ObjectNode clustering(ClusteringSettings.Method method) {
        ObjectNode c = MAPPER.createObjectNode();
        c.put("method", method.jsonName());
        java.util.LinkedHashMap<String, Long> sizes = new java.util.LinkedHashMap<>();
        for (var row :
                db.query("SELECT " + sizeBand("s") + " AS band, count(*), min(s) FROM (SELECT count(*) AS s FROM "
                        + Clusterer.TABLE + " GROUP BY cluster_id) GROUP BY band ORDER BY min(s)")) {
            sizes.put((String) row.get(0), ((Number) row.get(1)).longValue());
        }
        c.set("cluster_size_distribution", disclosure.distribution(sizes));
        String largest = db
                .query("SELECT " + sizeBand("s") + " FROM (SELECT count(*) AS s FROM " + Clusterer.TABLE
                        + " GROUP BY cluster_id ORDER BY s DESC LIMIT 1)")
                .stream()
                .map(r -> (String) r.get(0))
                .findFirst()
                .orElse("0");
        c.put("largest_cluster_size_band", largest);
        var shape = db.query("SELECT count(*) FILTER (WHERE size >= 3), count(*) FILTER (WHERE suspicious),"
                        + " coalesce(sum(size) FILTER (WHERE suspicious), 0), count(*) FILTER (WHERE bridges > 0),"
                        + " avg(density) FILTER (WHERE size >= 3) FROM " + Clusterer.SHAPES)
                .get(0);
        long three = ((Number) shape.get(0)).longValue();
        long suspicious = ((Number) shape.get(1)).longValue();
        c.set("clusters_of_3_or_more", disclosure.count(three));
        c.set("suspicious_clusters", disclosure.count(suspicious));
        c.set("suspicious_cluster_rate", disclosure.rate(suspicious, three));
        c.set("records_in_suspicious_clusters", disclosure.count(((Number) shape.get(2)).longValue()));
        c.set("clusters_with_bridges", disclosure.count(((Number) shape.get(3)).longValue()));
        c.set(
                "mean_density_of_clusters_of_3_or_more",
                shape.get(4) == null
                        ? MAPPER.nullNode()
                        : disclosure.estimate(((Number) shape.get(4)).doubleValue(), three));
        c.put(
                "suspicious_rule",
                "a cluster of 3 or more records whose accepted edges (pairs at or above the threshold) cover"
                        + " less than half of its pairs, or that one accepted edge alone holds together (a bridge)");
        return c;
    }

    private ObjectNode clusterEvaluationNode(ClusterEvaluation e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put(
                "what",
                "the person ids as written: every pair of records sharing a person id is a predicted match"
                        + (e.bcubed() == null ? " (only the labelled pairs are judged)" : ""));
        o.set("pairwise", metrics(e.pairwise()));
        if (e.bcubed() != null) {
            ObjectNode b = o.putObject("bcubed");
            b.put("precision", Disclosure.round(e.bcubed().precision(), 6));
            b.put("recall", Disclosure.round(e.bcubed().recall(), 6));
            b.put("f1", Disclosure.round(e.bcubed().f1(), 6));
        }
        if (e.bestComponents() != null) {
            o.set("connected_components_at_best_threshold", metrics(e.bestComponents()));
        }
        if (e.purity() != null) {
            ClusterEvaluation.Purity p = e.purity();
            o.set("clusters_of_2_or_more", disclosure.count(p.clusters()));
            o.set("clusters_mixing_people", disclosure.count(p.mixedClusters()));
            o.set("mixed_cluster_rate", disclosure.rate(p.mixedClusters(), p.clusters()));
            o.set("records_in_mixed_clusters", disclosure.count(p.recordsInMixedClusters()));
            o.set("people_with_2_or_more_records", disclosure.count(p.people()));
            o.set("people_split_over_clusters", disclosure.count(p.splitPeople()));
            o.set("split_people_rate", disclosure.rate(p.splitPeople(), p.people()));
        }
        return o;
    }

    private ArrayNode histogram() {
        ArrayNode bins = MAPPER.createArrayNode();
        for (var row : db.query(
                "SELECT floor(match_weight)::INT AS lo, count(*) FROM " + Predictor.TABLE + " GROUP BY 1 ORDER BY 1")) {
            ObjectNode b = bins.addObject();
            int lo = ((Number) row.get(0)).intValue();
            b.put("lower_weight", lo);
            b.put("upper_weight", lo + 1);
            b.set("pairs", disclosure.count(((Number) row.get(1)).longValue()));
        }
        return bins;
    }

    /**
     * One entry per dataset for all roles, then per dataset and role when a role column is set. Each
     * measure is one GROUP BY over all records with grouping sets (dataset) and (dataset, role).
     */
    private ArrayNode groups() {
        LinkageSettings s = model.settings();
        boolean hasRole = s.roleColumn() != null && db.columns(LoadStep.TABLE).contains(s.roleColumn());
        String role = hasRole ? "coalesce(" + Sql.ident(s.roleColumn()) + ", '(missing)')" : Sql.text(ALL_ROLES);
        List<String> cols = List.copyOf(s.inputColumns());
        StringBuilder keep = new StringBuilder();
        for (int i = 0; i < cols.size(); i++) {
            keep.append(", (r.")
                    .append(Sql.ident(cols.get(i)))
                    .append(" IS NOT NULL)::INT AS __has")
                    .append(i);
        }
        db.createTable(
                "__rc",
                "SELECT r.__sd, " + role + " AS __role, c.cluster_id" + keep
                        + ", count(*) OVER (PARTITION BY c.cluster_id) AS __csize"
                        + ", count(*) OVER (PARTITION BY c.cluster_id, r.__sd) AS __csize_sd"
                        + " FROM " + LoadStep.TABLE + " r JOIN " + Clusterer.TABLE + " c USING (__rid)");
        String sets = hasRole ? " GROUP BY GROUPING SETS ((__sd), (__sd, __role))" : " GROUP BY __sd, __role";
        String roleKey = hasRole ? "coalesce(__role, " + Sql.text(ALL_ROLES) + ")" : "__role";

        Map<String, ObjectNode> groups = new java.util.TreeMap<>();
        List<String> datasets = db.query("SELECT DISTINCT __sd FROM __rc ORDER BY 1").stream()
                .map(r -> (String) r.get(0))
                .toList();
        StringBuilder sums = new StringBuilder();
        for (int i = 0; i < cols.size(); i++) {
            sums.append(", sum(__has").append(i).append(")");
        }
        for (var row : db.query(
                "SELECT __sd, " + roleKey + ", count(*), sum((__csize_sd > 1)::INT)" + sums + " FROM __rc" + sets)) {
            String sd = (String) row.get(0);
            String rl = (String) row.get(1);
            long n = ((Number) row.get(2)).longValue();
            long dup = ((Number) row.get(3)).longValue();
            ObjectNode g = MAPPER.createObjectNode();
            g.put("source_dataset", sd);
            g.put("role", rl);
            g.set("records", disclosure.count(n));
            ObjectNode completeness = g.putObject("identifier_completeness");
            for (int i = 0; i < cols.size(); i++) {
                completeness.set(cols.get(i), disclosure.rate(((Number) row.get(4 + i)).longValue(), n));
            }
            g.set("records_with_duplicates", disclosure.count(dup));
            g.set("duplicate_rate", disclosure.rate(dup, n));
            g.putObject("cluster_size_distribution");
            ArrayNode links = g.putArray("cross_dataset_link_rates");
            for (String other : datasets) {
                if (!other.equals(sd)) {
                    ObjectNode l = links.addObject();
                    l.put("other_dataset", other);
                    l.set("linked_records", disclosure.count(0));
                    l.set("rate", disclosure.rate(0, n));
                    l.put("__n", n);
                }
            }
            groups.put(key(sd, rl), g);
        }
        Map<String, java.util.LinkedHashMap<String, Long>> sizes = new java.util.HashMap<>();
        for (var row : db.query("SELECT __sd, " + roleKey + ", " + sizeBand("__csize")
                + " AS b, count(DISTINCT cluster_id), min(__csize) FROM (SELECT DISTINCT __sd, __role, cluster_id, __csize FROM __rc)"
                + (hasRole ? " GROUP BY GROUPING SETS ((__sd, b), (__sd, __role, b))" : " GROUP BY __sd, __role, b")
                + " ORDER BY min(__csize)")) {
            sizes.computeIfAbsent(key((String) row.get(0), (String) row.get(1)), k -> new java.util.LinkedHashMap<>())
                    .put((String) row.get(2), ((Number) row.get(3)).longValue());
        }
        sizes.forEach((k, cells) -> groups.get(k).set("cluster_size_distribution", disclosure.distribution(cells)));
        db.createTable("__cluster_sd", "SELECT DISTINCT cluster_id, __sd AS other FROM __rc");
        for (var row : db.query("SELECT r.__sd, " + roleKey.replace("__role", "r.__role")
                + ", o.other, count(*) FROM __rc r JOIN __cluster_sd o"
                + " ON o.cluster_id = r.cluster_id AND o.other <> r.__sd"
                + (hasRole
                        ? " GROUP BY GROUPING SETS ((r.__sd, o.other), (r.__sd, r.__role, o.other))"
                        : " GROUP BY r.__sd, r.__role, o.other"))) {
            ObjectNode g = groups.get(key((String) row.get(0), (String) row.get(1)));
            for (JsonNode l : g.get("cross_dataset_link_rates")) {
                if (l.get("other_dataset").asText().equals(row.get(2))) {
                    long linked = ((Number) row.get(3)).longValue();
                    ((ObjectNode) l).set("linked_records", disclosure.count(linked));
                    ((ObjectNode) l)
                            .set("rate", disclosure.rate(linked, l.get("__n").asLong()));
                }
            }
        }
        ArrayNode out = MAPPER.createArrayNode();
        for (ObjectNode g : groups.values()) {
            g.get("cross_dataset_link_rates").forEach(l -> ((ObjectNode) l).remove("__n"));
            out.add(g);
        }
        db.dropTable("__rc");
        db.dropTable("__cluster_sd");
        return out;
    }

    /** Sort key: dataset, then "(all)" before the roles. */
    private static String key(String sd, String role) {
        return sd + "\u0000" + (ALL_ROLES.equals(role) ? "" : "\u0001" + role);
    }

    private ObjectNode evaluationNode(Evaluation.Result e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("method", e.method());
        o.put(
                "what",
                "accepted pairs: scored pairs at or above a threshold are predicted matches; true pairs that blocking"
                        + " never produced count as missed. The person ids are judged under \"clusters\".");
        o.put("interval_method", "Wilson score for precision and recall; delta method for F1 (via the Jaccard index)");
        o.set("true_pairs", disclosure.count(e.truePairs()));
        o.set("at_threshold", metrics(e.atThreshold()));
        o.set("best_f1", metrics(e.best()));
        ArrayNode curve = o.putArray("across_thresholds");
        curveWithoutSmallSteps(e).forEach(m -> curve.add(metrics(m)));
        return o;
    }

    /**
     * The points of the curve whose true and false positives differ from those of every other published threshold
     * (at_threshold, best_f1 and the points kept before) by 0 or at least the minimum count: the difference between
     * two thresholds is the number of pairs between them, a count like any other.
     */
    private List<Metrics> curveWithoutSmallSteps(Evaluation.Result e) {
        List<Metrics> published = new java.util.ArrayList<>(List.of(e.atThreshold(), e.best()));
        List<Metrics> kept = new java.util.ArrayList<>();
        for (Metrics m : e.curve()) {
            if (published.stream()
                    .allMatch(p -> !disclosure.isSmall(Math.abs(p.tp() - m.tp()))
                            && !disclosure.isSmall(Math.abs(p.fp() - m.fp())))) {
                published.add(m);
                kept.add(m);
            }
        }
        return kept;
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
            byte[] bytes = MAPPER.writer()
                    .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(json);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
