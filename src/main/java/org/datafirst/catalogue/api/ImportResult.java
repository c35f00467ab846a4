package org.datafirst.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "DictionaryImport",
        description = "What a dictionary import did, or with dryRun would do: the "
                + "release compared against, the release made, and every change to dataset fields, coverage, tables, "
                + "variables, lookups and codes.")
public record ImportResult(
        @Schema(description = "Dataset id.", example = "offender-assessment-oasys")
        String dataset,

        @Schema(
                description = "Layout the workbook was read as: catalogue (our export layout) or moj (sheet "
                        + "data_dictionary with Table Name, Variable Name, Variable Description, Values).",
                example = "moj")
        String layout,

        @Schema(description = "True when nothing was written (a preview).", example = "true")
        boolean dryRun,

        @Schema(description = "The release the workbook was compared with; absent for a new dataset.", example = "2")
        Integer baseVersion,

        @Schema(
                description = "The release the import made; absent for a dry run or when nothing changed.",
                example = "3")
        Integer version,

        @Schema(description = "Number of changes.", example = "4")
        int changeCount,

        @Schema(description = "Every change, grouped by what changed.")
        List<ChangeDto> changes,

        @Schema(
                description = "Link to the release made.",
                example = "/api/v1/datasets/offender-assessment-oasys/releases/3")
        String href) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DictionaryChange", description = "One difference between the current release and the workbook.")
    public record ChangeDto(
            @Schema(
                    description = "What changed: dataset, coverage, tables, variables, lookups or codes.",
                    example = "variables")
            String section,

            @Schema(
                    description = "Path of the changed thing.",
                    example = "tables/delius_flatfile/variables/gender/description")
            String path,

            @Schema(description = "added, removed or changed.", example = "changed")
            String kind,

            @Schema(
                    description = "Value before (absent when added).",
                    example = "Gender of the offender",
                    implementation = Object.class)
            JsonNode before,

            @Schema(
                    description = "Value after (absent when removed).",
                    example = "Sex of the offender",
                    implementation = Object.class)
            JsonNode after) {}
}
