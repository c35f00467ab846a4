package org.datafirst.catalogue.dcat;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One published linkage-quality figure, as the linkage module reports it (BRIEF §6): which dataset
 * and role it is about, the measure, its value (empty when suppressed by disclosure control) and
 * the linkage run that produced it: what {@link DqvMapper} needs from a stored report
 * ({@link LinkageQualityMeasurements}).
 */
public record LinkageQualityMeasurement(
        String datasetId,
        String role,
        String metric,
        String metricDefinition,
        OptionalDouble value,
        String runId,
        OffsetDateTime runEndedAt) {

    public LinkageQualityMeasurement {
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(runId, "runId");
        if (!metric.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("metric must be a lower-case slug: " + metric);
        }
    }
}
