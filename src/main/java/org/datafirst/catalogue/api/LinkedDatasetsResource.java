package org.datafirst.catalogue.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.datafirst.catalogue.linkagequality.LinkMatrix;
import org.datafirst.catalogue.linkagequality.LinkageQualityService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/linked-datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Linkage quality", description = "Linkage-quality reports published by the linkage module.")
public class LinkedDatasetsResource {

    @Inject
    LinkageQualityService reports;

    @Schema(
            name = "LinkedDatasets",
            description = "Which datasets link to which: per source dataset, the share of its records linked to each"
                    + " other dataset, from the newest linkage-quality report covering it.")
    public record LinkedDatasets(
            @Schema(
                    description = "Source datasets as the linkage runs name them: the rows and the columns.",
                    example = "[\"family\", \"probation\"]")
            List<String> datasets,

            @Schema(description = "One row per source dataset with a report.")
            List<Row> rows) {}

    @Schema(name = "LinkedDatasetsRow", description = "One source dataset's link rates.")
    public record Row(
            @Schema(description = "Source dataset.", example = "family-court-applicant")
            String sourceDataset,

            @Schema(
                    description = "The catalogue dataset whose report gives the row.",
                    example = "cross-justice-linking")
            String reportDataset,

            @Schema(description = "That report's number.", example = "12")
            long reportId,

            @Schema(description = "The release the report is attached to.", example = "2")
            int releaseVersion,

            @Schema(
                    description =
                            "Whether the report was made from synthetic records (a demonstration, not real people).",
                    example = "false")
            boolean syntheticRecords,

            @Schema(
                    description =
                            "One cell per dataset of datasets, in order; null on the diagonal or where the report has no rate.")
            List<Cell> cells) {}

    @Schema(name = "LinkedDatasetsCell", description = "Records of the row's dataset linked to the column's dataset.")
    public record Cell(
            @Schema(description = "The column's dataset.", example = "probation")
            String otherDataset,

            @Schema(description = "Linked records; null when suppressed.", example = "200")
            Long linkedRecords,

            @Schema(
                    description = "Their share of the row's records; null when suppressed or no records.",
                    example = "0.2")
            Double rate,

            @Schema(description = "Whether disclosure control withheld the figures.", example = "false")
            boolean suppressed) {}

    @GET
    @Operation(
            operationId = "getLinkedDatasets",
            summary = "Get the link-rate matrix of the datasets",
            description = "From the all-roles group of the newest report of each dataset; suppressed figures are null"
                    + " with suppressed true.")
    @APIResponse(responseCode = "200", description = "The matrix (empty when no report is published).")
    public LinkedDatasets linkedDatasets() {
        LinkMatrix m = LinkMatrix.of(reports.newestOfEachDataset());
        return new LinkedDatasets(
                m.datasets(),
                m.rows().stream()
                        .map(r -> new Row(
                                r.sourceDataset(),
                                r.reportDataset(),
                                r.reportId(),
                                r.releaseVersion(),
                                r.syntheticRecords(),
                                r.cells().stream()
                                        .map(c -> c == null
                                                ? null
                                                : new Cell(
                                                        c.otherDataset(), c.linkedRecords(), c.rate(), c.suppressed()))
                                        .toList()))
                        .toList());
    }
}
