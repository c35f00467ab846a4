package org.datafirst.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import org.datafirst.catalogue.audit.AuditEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AuditEntry", description = "One write to the catalogue: who, when, what, from what.")
public record AuditEntryDto(
        @Schema(description = "Entry number, increasing.", example = "118")
        long id,

        @Schema(description = "When the write was committed.", example = "2025-05-30T09:15:00Z")
        OffsetDateTime at,

        @Schema(description = "Who made it: the token's subject, or source-loader at start-up.", example = "alice")
        String actor,

        @Schema(
                description = "release.created, release.published or linkage-quality.published.",
                example = "release.created")
        String action,

        @Schema(description = "Dataset written.", example = "probation")
        String datasetId,

        @Schema(description = "Release made or published.", example = "4")
        Integer version,

        @Schema(
                description = "What it was made from: a source file or the API request.",
                example = "PATCH /api/v1/datasets/probation")
        String origin,

        @Schema(description = "A short description.", example = "published release 4 (2025)")
        String detail) {

    static AuditEntryDto of(AuditEntry e) {
        return new AuditEntryDto(e.id, e.at, e.actor, e.action, e.datasetId, e.version, e.origin, e.detail);
    }
}
