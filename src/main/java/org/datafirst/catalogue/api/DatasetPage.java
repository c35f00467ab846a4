package org.datafirst.catalogue.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DatasetPage", description = "One page of datasets with the total count.")
public record DatasetPage(
        @Schema(description = "Datasets on this page.") List<DatasetSummary> items,

        @Schema(description = "Page number, from 1.", example = "1")
        int page,

        @Schema(description = "Page size asked for.", example = "20")
        int size,

        @Schema(description = "Number of matching datasets over all pages.", example = "9")
        long total,

        @Schema(description = "Number of pages.", example = "1")
        int totalPages) {}
