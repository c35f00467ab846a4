package org.datafirst.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TableSummary", description = "A table of a dataset, without its variables.")
public record TableSummary(
        @Schema(description = "Table name as researchers receive it.", example = "delius_flatfile")
        String name,

        @Schema(description = "What one row is.", example = "one row per offender event")
        String grain,

        @Schema(description = "What the table holds.", example = "Probation events with offender characteristics.")
        String description,

        @Schema(description = "Number of variables published for the table.", example = "16")
        long variableCount,

        @Schema(
                description = "Link to the table resource.",
                example = "/api/v1/datasets/probation/tables/delius_flatfile")
        String href) {}
