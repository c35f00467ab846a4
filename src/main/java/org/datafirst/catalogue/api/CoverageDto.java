package org.datafirst.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Coverage", description = "A period a dataset covers and what its dates refer to.")
public record CoverageDto(
        @Schema(description = "First day covered.", example = "2011-01-01")
        LocalDate start,

        @Schema(description = "Last day covered; absent when open-ended.", example = "2023-03-31")
        LocalDate end,

        @Schema(description = "What the dates refer to.", example = "case disposals (completions)")
        String basis,

        @Schema(
                description = "Last day whose records can be linked across datasets, when earlier than end.",
                example = "2023-03-31")
        LocalDate linkableUntil,

        @Schema(description = "Caveats about this period.", example = "Common Platform cases are not included.")
        String notes) {}
