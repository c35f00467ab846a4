package org.datafirst.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DatasetSummary", description = "A dataset as listed in search results.")
public record DatasetSummary(
        @Schema(description = "Stable dataset id.", example = "probation")
        String id,

        @Schema(description = "Dataset title.", example = "MoJ Data First probation dataset")
        String title,

        @Schema(
                description = "What the dataset holds.",
                example = "Offenders supervised by the probation service in England and Wales.")
        String description,

        @Schema(description = "Geographic jurisdiction.", example = "England and Wales")
        String jurisdiction,

        @Schema(description = "Source systems the data comes from.", example = "[\"nDelius\"]")
        List<String> sourceSystems,

        @Schema(description = "Approval bodies whose consent is needed.", example = "[\"DAG\", \"DAGB\"]")
        List<String> approvals,

        @Schema(description = "Secure environments holding the data.", example = "[\"ONS SRS\", \"SAIL Databank\"]")
        List<String> whereHeld,

        @Schema(description = "Coverage periods.") List<CoverageDto> coverage,
        @Schema(description = "Current release.") ReleaseSummary release,

        @Schema(description = "Full-text relevance when searching with q; higher is better.", example = "0.42")
        Double score,

        @Schema(description = "Link to the dataset resource.", example = "/api/v1/datasets/probation")
        String href) {}
