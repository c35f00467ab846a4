package org.datafirst.catalogue.dcat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.datafirst.catalogue.catalogue.LinkageQualityReport;

/**
 * A stored report → the figures {@link DqvMapper} publishes: per source dataset and role the duplicate rate, each
 * identifier's completeness and each link rate, and the accuracy at the threshold; the run is the report. Pure.
 */
public final class LinkageQualityMeasurements {

    private LinkageQualityMeasurements() {}

    public static List<LinkageQualityMeasurement> of(LinkageQualityReport stored) {
        JsonNode report = stored.report();
        String run = "report-" + stored.id();
        OffsetDateTime ended = ended(report.path("provenance"));
        List<LinkageQualityMeasurement> out = new ArrayList<>();
        for (JsonNode g : report.path("groups")) {
            String role =
                    g.path("source_dataset").asText() + " " + g.path("role").asText();
            out.add(measurement(
                    stored,
                    role,
                    "duplicate-rate",
                    "Share of records whose person id holds another record of the same dataset.",
                    g.path("duplicate_rate"),
                    run,
                    ended));
            g.path("identifier_completeness")
                    .properties()
                    .forEach(e -> out.add(measurement(
                            stored,
                            role,
                            "identifier-completeness-" + slug(e.getKey()),
                            "Share of records with a value in " + e.getKey() + ".",
                            e.getValue(),
                            run,
                            ended)));
            for (JsonNode l : g.path("cross_dataset_link_rates")) {
                String other = l.path("other_dataset").asText();
                out.add(measurement(
                        stored,
                        role,
                        "link-rate-to-" + slug(other),
                        "Share of records whose person also has a record in " + other + ".",
                        l.path("rate"),
                        run,
                        ended));
            }
        }
        JsonNode at = report.path("evaluation").path("at_threshold");
        for (String measure : List.of("precision", "recall", "f1")) {
            if (!at.isMissingNode()) {
                out.add(measurement(
                        stored,
                        "(all)",
                        "pairwise-" + measure,
                        "Pairwise " + measure + " of the accepted pairs at the threshold, against labels or truth.",
                        at.path(measure).path("value"),
                        run,
                        ended));
            }
        }
        return out;
    }

    private static LinkageQualityMeasurement measurement(
            LinkageQualityReport stored,
            String role,
            String metric,
            String definition,
            JsonNode value,
            String run,
            OffsetDateTime ended) {
        return new LinkageQualityMeasurement(
                stored.datasetId(),
                role,
                metric,
                definition,
                value.isNumber() ? OptionalDouble.of(value.asDouble()) : OptionalDouble.empty(),
                run,
                ended);
    }

    private static OffsetDateTime ended(JsonNode provenance) {
        try {
            return OffsetDateTime.parse(provenance.path("run_started").asText())
                    .plusNanos((long) (provenance.path("run_seconds").asDouble() * 1e9));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String slug(String text) {
        return text.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }
}
