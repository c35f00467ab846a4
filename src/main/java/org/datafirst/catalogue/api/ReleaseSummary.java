package org.datafirst.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ReleaseSummary", description = "An immutable version of a dataset's dictionary.")
public record ReleaseSummary(
        @Schema(description = "Release number, counting from 1 per dataset.", example = "3")
        int version,

        @Schema(description = "Curator's label for the release.", example = "2025")
        String label,

        @Schema(description = "Release status; only published releases are served publicly.", example = "published")
        String status,

        @Schema(description = "Date the release was issued.", example = "2025-05-30")
        LocalDate issued,

        @Schema(description = "When the release was created.", example = "2025-05-30T09:15:00Z")
        OffsetDateTime created,

        @Schema(description = "What changed in this release.", example = "Added delius_rqmnt variables.")
        String changeNotes,

        @Schema(
                description = "SHA-256 of the release's canonical content.",
                example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        String contentHash,

        @Schema(description = "What the release was made from.", example = "datasets/probation.yaml")
        String origin) {}
