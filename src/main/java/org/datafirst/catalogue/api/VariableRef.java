package org.datafirst.catalogue.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VariableRef", description = "Where a lookup is used: one variable of one table of one dataset.")
public record VariableRef(
        @Schema(description = "Dataset id.", example = "probation")
        String dataset,

        @Schema(description = "Table name.", example = "delius_flatfile")
        String table,

        @Schema(description = "Variable name.", example = "gender")
        String variable,

        @Schema(
                description = "Link to the variable.",
                example = "/api/v1/datasets/probation/tables/delius_flatfile/variables/gender")
        String href) {}
