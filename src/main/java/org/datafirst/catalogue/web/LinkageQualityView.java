package org.datafirst.catalogue.web;

import java.util.List;

/**
 * What the dataset page shows of a linkage-quality report: link rates per role, the cluster size
 * distribution and the match-weight histogram. Counts below 10 arrive suppressed (null). The
 * charts are SVG strings built by pure functions; the same numbers are listed for tables.
 */
public record LinkageQualityView(
        String datasetTitle, String release, List<RoleRate> rates, List<Count> clusterSizes, List<Count> matchWeights) {

    /** Share of a role's records linked to another dataset, in percent. */
    public record RoleRate(String role, Double percent) {}

    /** A bin (cluster size, or match-weight range) and its count; null when suppressed. */
    public record Count(String bin, Long count) {
        public String shown() {
            return count == null ? "suppressed (fewer than 10)" : Charts.number(count);
        }
    }

    public String ratesSvg() {
        return Charts.bars(
                "lq-rates",
                "Link rate per role, " + datasetTitle,
                "Percentage of records of each role linked to at least one other dataset.",
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
