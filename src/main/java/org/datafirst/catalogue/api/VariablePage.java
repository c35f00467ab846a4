package org.datafirst.catalogue.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VariablePage", description = "One page of variables found across the catalogue, with the total count.")
public record VariablePage(
        @Schema(description = "Variables on this page.") List<VariableHit> items,

        @Schema(description = "Page number, from 1.", example = "1")
        int page,

        @Schema(description = "Page size asked for.", example = "20")
        int size,

        @Schema(description = "Number of matching variables over all pages.", example = "3")
        long total,

        @Schema(description = "Number of pages.", example = "1")
        int totalPages) {}
