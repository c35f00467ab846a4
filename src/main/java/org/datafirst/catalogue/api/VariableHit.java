package org.datafirst.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "VariableHit", description = "A variable found by a catalogue-wide search.")
public record VariableHit(
        @Schema(description = "Dataset id.", example = "probation")
        String dataset,

        @Schema(description = "Dataset title.", example = "MoJ Data First probation dataset")
        String datasetTitle,

        @Schema(description = "Table name.", example = "delius_flatfile")
        String table,

        @Schema(description = "Column name.", example = "ethnicity_desc")
        String name,

        @Schema(description = "Short human label.", example = "Ethnicity")
        String label,

        @Schema(description = "What the variable records.", example = "Ethnicity of the offender.")
        String description,

        @Schema(description = "Data type.", example = "string")
        String type,

        @Schema(description = "Id of its lookup.", example = "ethnicity-probation")
        String lookup,

        @Schema(description = "Codes of its lookup whose labels match the query (at most 5).")
        List<CodeDto> matchedCodes,

        @Schema(description = "Full-text relevance; higher is better.", example = "0.61")
        Double score,

        @Schema(
                description = "Link to the variable.",
                example = "/api/v1/datasets/probation/tables/delius_flatfile/variables/ethnicity_desc")
        String href) {}
