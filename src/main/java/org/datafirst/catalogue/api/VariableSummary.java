package org.datafirst.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "VariableSummary", description = "A variable as listed in its table.")
public record VariableSummary(
        @Schema(description = "Column name.", example = "ethnicity_desc")
        String name,

        @Schema(description = "Short human label.", example = "Ethnicity")
        String label,

        @Schema(description = "What the variable records.", example = "Self-reported ethnicity of the offender.")
        String description,

        @Schema(description = "Data type; unknown where no public source shows it.", example = "string")
        String type,

        @Schema(description = "Value format.", example = "YYYY-MM-DD")
        String format,

        @Schema(description = "Special-category or otherwise sensitive.", example = "true")
        boolean sensitive,

        @Schema(
                description = "Role as an identifier: person-key, case-key, join-key or record-key.",
                example = "person-key")
        String identifierRole,

        @Schema(description = "Id of the lookup holding its codes.", example = "ethnicity-probation")
        String lookup,

        @Schema(
                description = "Link to the variable resource.",
                example = "/api/v1/datasets/probation/tables/delius_flatfile/variables/ethnicity_desc")
        String href) {}
