package org.datafirst.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import org.datafirst.catalogue.catalogue.LinkageQualityReport;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "LinkageQualityReport", description = "A stored linkage-quality report, attached to a release.")
public record LinkageQualityReceipt(
        @Schema(description = "Report number.", example = "12")
        long id,

        @Schema(description = "Dataset id.", example = "probation")
        String datasetId,

        @Schema(description = "The release the report is attached to (current when it arrived).", example = "3")
        int releaseVersion,

        @Schema(description = "When the catalogue received it.", example = "2025-05-30T09:15:00Z")
        OffsetDateTime receivedAt,

        @Schema(description = "Its groups: one per source dataset and role.")
        List<Group> groups,

        @Schema(
                description =
                        "The report as published (linkage-quality-report.schema.json); absent in the answer to a publication.",
                example = "{\"format\": \"datafirst-linkage-quality-report/1\"}")
        JsonNode report) {

    @Schema(name = "LinkageQualityGroup", description = "One source dataset and role covered by a report.")
    public record Group(
            @Schema(description = "Source dataset as named by the linkage run.", example = "probation")
            String sourceDataset,

            @Schema(description = "Role, or (all).", example = "(all)")
            String role) {}

    static LinkageQualityReceipt of(LinkageQualityReport r, boolean withReport) {
        return new LinkageQualityReceipt(
                r.id(),
                r.datasetId(),
                r.releaseVersion(),
                r.receivedAt(),
                r.groups().stream()
                        .map(g -> new Group(g.sourceDataset(), g.role()))
                        .toList(),
                withReport ? r.report() : null);
    }
}
