package org.datafirst.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Table", description = "A table with its variables in order.")
public record TableDetail(
        @Schema(description = "Dataset id.", example = "probation")
        String dataset,

        @Schema(description = "Release the table belongs to.", example = "1")
        int release,

        @Schema(description = "Table name.", example = "delius_flatfile")
        String name,

        @Schema(description = "What one row is.", example = "one row per offender event")
        String grain,

        @Schema(description = "What the table holds.", example = "Probation events.")
        String description,

        @Schema(description = "Id of the source that names the table.", example = "user-guide")
        String source,

        @Schema(description = "Variables in table order.") List<VariableSummary> variables) {}
