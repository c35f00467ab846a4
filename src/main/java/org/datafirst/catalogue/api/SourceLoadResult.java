package org.datafirst.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.datafirst.catalogue.problem.ProblemError;
import org.datafirst.catalogue.sources.LoadOutcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "SourceLoadResult", description = "What reloading one source file did.")
public record SourceLoadResult(
        @Schema(description = "The file, relative to the sources folder.", example = "datasets/probation.yaml")
        String file,

        @Schema(
                description = "RELEASED (a new release), UNCHANGED or REJECTED (nothing written).",
                example = "RELEASED")
        String status,

        @Schema(description = "Dataset the file describes.", example = "probation")
        String datasetId,

        @Schema(description = "The new release, when one was made.", example = "4")
        Integer version,

        @Schema(description = "Why the file was rejected, each error with its JSON pointer.")
        List<ProblemError> errors) {

    static SourceLoadResult of(LoadOutcome o) {
        return new SourceLoadResult(o.file(), o.status().name(), o.datasetId(), o.version(), o.errors());
    }
}
