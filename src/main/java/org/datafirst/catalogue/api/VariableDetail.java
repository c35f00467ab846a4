package org.datafirst.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Variable", description = "One variable with its provenance and, when coded, its lookup and codes.")
public record VariableDetail(
        @Schema(description = "Dataset id.", example = "probation")
        String dataset,

        @Schema(description = "Release the variable belongs to.", example = "1")
        int release,

        @Schema(description = "Table name.", example = "delius_flatfile")
        String table,

        @Schema(description = "Column name.", example = "ethnicity_desc")
        String name,

        @Schema(description = "Short human label.", example = "Ethnicity")
        String label,

        @Schema(
                description = "What the variable records.",
                example = "Ethnicity of the offender as recorded in nDelius.")
        String description,

        @Schema(description = "Data type; unknown where no public source shows it.", example = "string")
        String type,

        @Schema(description = "Value format.", example = "YYYY-MM-DD")
        String format,

        @Schema(description = "Known quality issues.", example = "Blank for some records.")
        String qualityNotes,

        @Schema(description = "Special-category or otherwise sensitive.", example = "true")
        boolean sensitive,

        @Schema(description = "Role as an identifier.", example = "person-key")
        String identifierRole,

        @Schema(description = "Id of the source naming this variable.", example = "carlyll-probation-analysis")
        String source,

        @Schema(
                description =
                        "How sure the source is that the variable is in this table: confirmed, high, medium, low.",
                example = "medium")
        String confidence,

        @Schema(
                description = "Why we believe it; marks anything inferred or illustrative.",
                example = "Used in published research code.")
        String evidence,

        @Schema(description = "The lookup with its codes, when the variable is coded.")
        LookupDetail lookup) {}
