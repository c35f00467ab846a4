package org.datafirst.catalogue.api;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChangeEntry", description = "One release publication: a release became a dataset's current release.")
public record ChangeEntry(
        @Schema(description = "Position of this entry in the feed; since= this value resumes after it.", example = "42")
        String cursor,

        @Schema(description = "Dataset id.", example = "probation")
        String datasetId,

        @Schema(description = "The release published.", example = "3")
        int version,

        @Schema(description = "When it was published.", example = "2025-05-30T09:15:00Z")
        OffsetDateTime publishedAt,

        @Schema(description = "Where to read the release.", example = "/api/v1/datasets/probation/releases/3")
        String release) {}
