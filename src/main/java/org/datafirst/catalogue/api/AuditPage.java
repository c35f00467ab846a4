package org.datafirst.catalogue.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditPage", description = "A page of the audit log, newest first.")
public record AuditPage(
        @Schema(description = "The entries.") List<AuditEntryDto> entries,

        @Schema(description = "Page number, from 1.", example = "1")
        int page,

        @Schema(description = "Page size.", example = "20") int size,

        @Schema(description = "Number of entries in all pages.", example = "57")
        long total) {}
