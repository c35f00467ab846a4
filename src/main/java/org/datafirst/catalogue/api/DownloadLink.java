package org.datafirst.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "DownloadLink",
        description =
                "A download of the release's data dictionary, or of low-fidelity synthetic data generated from it.")
public record DownloadLink(
        @Schema(description = "File format: xlsx, ods, csv, parquet or zip.", example = "xlsx")
        String format,

        @Schema(description = "For CSV, the sheet the file holds.", example = "variables")
        String sheet,

        @Schema(
                description = "Media type of the file.",
                example = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        String mediaType,

        @Schema(description = "Where to download it.", example = "/api/v1/datasets/probation/dictionary.xlsx")
        String href,

        @Schema(description = "For synthetic data of one table, the table.", example = "delius_flatfile")
        String table,

        @Schema(
                description = "True for synthetic data (generated from the dictionary, not real records; "
                        + "rows and seed may be added to the address); absent for the dictionary.",
                example = "true")
        Boolean synthetic) {

    /** A download of the dictionary itself. */
    static DownloadLink dictionary(String format, String sheet, String mediaType, String href) {
        return new DownloadLink(format, sheet, mediaType, href, null, null);
    }
}
