package org.datafirst.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DownloadLink", description = "A download of the release's data dictionary.")
public record DownloadLink(
        @Schema(description = "File format: xlsx, ods or csv.", example = "xlsx")
        String format,

        @Schema(description = "For CSV, the sheet the file holds.", example = "variables")
        String sheet,

        @Schema(
                description = "Media type of the file.",
                example = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        String mediaType,

        @Schema(description = "Where to download it.", example = "/api/v1/datasets/probation/dictionary.xlsx")
        String href) {}
