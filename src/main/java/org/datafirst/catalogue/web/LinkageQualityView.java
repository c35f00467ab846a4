package org.datafirst.catalogue.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.datafirst.catalogue.catalogue.LinkageQualityReport;

/**
 * What the dataset page shows of its newest linkage-quality report: per source dataset and role the records,
 * identifier completeness, duplicate rate and link rates to each other dataset; the cluster sizes and match weights;
 * the accuracy figures with their intervals; the run's provenance. Suppressed figures arrive as null and are shown as
 * such. The charts are SVG strings built by pure functions; the template lists the same numbers in tables.
 */
public record LinkageQualityView(
        String datasetTitle,
        String release,
        Provenance provenance,
        List<GroupView> groups,
        List<RoleRate> rates,
        List<Count> clusterSizes,
        List<Count> matchWeights,
        List<Accuracy> accuracy) {

    static final String SUPPRESSED = "suppressed (fewer than 10, or would give such a count away)";

    /** Share of a role's records linked to another dataset, in percent. */
    public record RoleRate(String role, Double percent) {}

    /** A bin (cluster size, or match-weight range) and its count; null when suppressed. */
    public record Count(String bin, Long count) {
        public String shown() {
            return count == null ? "suppressed (fewer than 10)" : Charts.number(count);
        }
    }

    /** How the figures were made. {@code synthetic}: the report says its records were synthetic. */
    public record Provenance(
            String software,
            String settingsSha256,
            String runStarted,
            String threshold,
            String linkType,
            String receivedAt,
            long reportId,
            boolean synthetic) {}

    /** One source dataset and role; every figure already written for reading. */
    public record GroupView(
            String dataset,
            String role,
            String records,
            String duplicateRate,
            List<Figure> completeness,
            List<Figure> linkRates) {}

    /** A label and the figure as shown. */
    public record Figure(String label, String shown) {}

    /** Precision, recall and F1 with their 95% intervals, of one way of judging the links. */
    public record Accuracy(String what, String precision, String recall, String f1) {}

    static LinkageQualityView of(LinkageQualityReport stored, String datasetTitle) {
        JsonNode report = stored.report();
        JsonNode p = report.path("provenance");
        Provenance provenance = new Provenance(
                p.path("software").asText() + " " + p.path("software_version").asText(),
                p.path("settings_sha256").asText(),
                p.path("run_started").asText(),
                p.path("threshold_match_probability").asText(),
                p.path("link_type").asText().replace('_', ' '),
                stored.receivedAt().toLocalDate().toString(),
                stored.id(),
                p.path("synthetic_records").asBoolean(false));
        List<GroupView> groups = new ArrayList<>();
        List<RoleRate> rates = new ArrayList<>();
        for (JsonNode g : report.path("groups")) {
            String dataset = g.path("source_dataset").asText();
            // "(all)" is the report's name for the group of every role
            String role = g.path("role").asText().equals("(all)")
                    ? "all roles"
                    : g.path("role").asText();
            List<Figure> completeness = new ArrayList<>();
            g.path("identifier_completeness")
                    .properties()
                    .forEach(e -> completeness.add(new Figure(e.getKey(), percent(e.getValue()))));
            List<Figure> links = new ArrayList<>();
            for (JsonNode l : g.path("cross_dataset_link_rates")) {
                String other = l.path("other_dataset").asText();
                boolean bothSuppressed = !l.path("rate").isNumber()
                        && !l.path("rate").isNull()
                        && !l.path("linked_records").isIntegralNumber();
                links.add(new Figure(
                        other,
                        bothSuppressed
                                ? SUPPRESSED
                                : percent(l.path("rate")) + " (" + count(l.path("linked_records")) + " records)"));
                rates.add(new RoleRate(
                        dataset + ", " + role + " → " + other,
                        l.path("rate").isNumber() ? l.path("rate").asDouble() * 100 : null));
            }
            groups.add(new GroupView(
                    dataset, role, count(g.path("records")), percent(g.path("duplicate_rate")), completeness, links));
        }
        List<Count> sizes = new ArrayList<>();
        report.path("overall")
                .path("clustering")
                .path("cluster_size_distribution")
                .properties()
                .forEach(e -> sizes.add(new Count(
                        e.getKey(),
                        e.getValue().isIntegralNumber() ? e.getValue().asLong() : null)));
        List<Count> weights = new ArrayList<>();
        for (JsonNode b : report.path("overall").path("match_weight_histogram")) {
            JsonNode pairs = b.path("pairs");
            weights.add(new Count(
                    b.path("lower_weight").asText() + " to "
                            + b.path("upper_weight").asText(),
                    pairs.isIntegralNumber() ? pairs.asLong() : null));
        }
        List<Accuracy> accuracy = new ArrayList<>();
        JsonNode evaluation = report.path("evaluation");
        if (!evaluation.isMissingNode()) {
            accuracy.add(accuracy("Accepted pairs at the threshold", evaluation.path("at_threshold")));
            JsonNode clusters = evaluation.path("clusters").path("pairwise");
            if (!clusters.isMissingNode()) {
                accuracy.add(accuracy("Person ids as written (every pair of records sharing an id)", clusters));
            }
        }
        return new LinkageQualityView(
                datasetTitle,
                "release " + stored.releaseVersion(),
                provenance,
                groups,
                rates,
                sizes,
                weights,
                accuracy);
    }

    private static Accuracy accuracy(String what, JsonNode metrics) {
        return new Accuracy(
                what,
                interval(metrics.path("precision")),
                interval(metrics.path("recall")),
                interval(metrics.path("f1")));
    }

    private static String interval(JsonNode measure) {
        if (!measure.path("value").isNumber()) {
            return SUPPRESSED;
        }
        return String.format(
                Locale.UK,
                "%.3f (95%% interval %.3f to %.3f)",
                measure.path("value").asDouble(),
                measure.path("ci95_lower").asDouble(),
                measure.path("ci95_upper").asDouble());
    }

    private static String percent(JsonNode rate) {
        if (rate.isNumber()) {
            return String.format(Locale.UK, "%.1f%%", rate.asDouble() * 100);
        }
        return rate.isNull() ? "no records" : SUPPRESSED;
    }

    private static String count(JsonNode count) {
        return count.isIntegralNumber() ? Charts.number(count.asLong()) : SUPPRESSED;
    }

    public String ratesSvg() {
        return Charts.bars(
                "lq-rates",
                "Link rate per role, " + datasetTitle,
                "Percentage of records of each dataset and role whose person also has a record in the other dataset.",
                rates.stream().map(r -> new Charts.Bar(r.role(), r.percent())).toList(),
                "%");
    }

    public String clusterSizesSvg() {
        return Charts.bars(
                "lq-clusters",
                "Cluster sizes, " + datasetTitle,
                "Number of person clusters by how many records each holds.",
                bars(clusterSizes),
                "");
    }

    public String matchWeightsSvg() {
        return Charts.bars(
                "lq-weights",
                "Match-weight histogram, " + datasetTitle,
                "Number of scored record pairs by match weight.",
                bars(matchWeights),
                "");
    }

    private static List<Charts.Bar> bars(List<Count> counts) {
        return counts.stream()
                .map(c -> new Charts.Bar(
                        c.bin(), c.count() == null ? null : c.count().doubleValue()))
                .toList();
    }
}
