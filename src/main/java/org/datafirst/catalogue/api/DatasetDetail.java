package org.datafirst.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Dataset", description = "One dataset's release: its metadata, coverage, access route and tables.")
public record DatasetDetail(
        @Schema(description = "Stable dataset id.", example = "probation")
        String id,

        @Schema(description = "Dataset title.", example = "MoJ Data First probation dataset")
        String title,

        @Schema(
                description = "Other names the dataset is catalogued under.",
                example = "[\"Data First Probation dataset (PROB)\"]")
        List<String> alternativeTitles,

        @Schema(description = "Other identifiers, such as a research environment's short code.")
        List<IdentifierDto> identifiers,

        @Schema(description = "What the dataset holds.", example = "Offenders supervised by the probation service.")
        String description,

        @Schema(description = "Publisher.") Organisation publisher,

        @Schema(description = "Contact point for questions about the dataset.")
        Organisation contact,

        @Schema(
                description = "Where the data comes from, as the user guide states it.",
                example = "nDelius (National Delius)")
        String source,

        @Schema(description = "Source systems.", example = "[\"nDelius\"]")
        List<String> sourceSystems,

        @Schema(description = "Geographic jurisdiction.", example = "England and Wales")
        String jurisdiction,

        @Schema(description = "Coverage periods with their basis.")
        List<CoverageDto> coverage,

        @Schema(
                description = "Key variable groups named by the user guide.",
                example = "[\"Offender characteristics\"]")
        List<String> keyVariables,

        @Schema(
                description = "Research areas the data can inform.",
                example = "[\"Changes in non-custodial sentencing\"]")
        List<String> researchAreas,

        @Schema(description = "Approval bodies: DAP, DAG, DAGB, DfE.", example = "[\"DAG\", \"DAGB\"]")
        List<String> approvals,

        @Schema(description = "Notes on approvals.", example = "Depends on data requested alongside.")
        String approvalNotes,

        @Schema(description = "Secure environments holding the data.", example = "[\"ONS SRS\", \"SAIL Databank\"]")
        List<String> whereHeld,

        @Schema(
                description = "Notes on where the data is held.",
                example = "Work ongoing to make it available via SAIL Databank.")
        String whereHeldNotes,

        @Schema(
                description = "How a researcher gets access, step by step.",
                example = "1. Become an accredited researcher ...")
        String accessRoute,

        @Schema(
                description = "How records were linked and what that means for research.",
                example = "Deduplicated with Splink ...")
        String linkageNotes,

        @Schema(description = "Known limitations.", example = "[\"No Single Justice Procedure cases\"]")
        List<String> limitations,

        @Schema(description = "Other notes.", example = "Part of cross-justice system linkage.")
        String notes,

        @Schema(
                description = "How complete the public dictionary published here is.",
                example = "Only 2 of 5 tables have public column names.")
        String dictionaryCompleteness,

        @Schema(description = "Keywords.", example = "[\"probation\", \"community orders\"]")
        List<String> keywords,

        @Schema(description = "Access rights; Data First data is never open.", example = "non-public")
        String accessRights,

        @Schema(description = "When the dataset was first released.", example = "February 2022")
        String firstReleased,

        @Schema(
                description = "When the dataset was first released, as precisely as the source says (YYYY, YYYY-MM "
                        + "or YYYY-MM-DD); absent when no source gives it.",
                example = "2022-02-21")
        String issued,

        @Schema(description = "File name of MoJ's own published data catalogue.", example = "ONS_PR_1.ODS")
        String officialCatalogueFile,

        @Schema(description = "Entries for this dataset in other catalogues.")
        List<CatalogueEntryDto> catalogueEntries,

        @Schema(description = "Sources of the published facts.")
        List<SourceDto> sources,

        @Schema(description = "The release shown.") ReleaseSummary release,
        @Schema(description = "Tables with their grain.") List<TableSummary> tables,

        @Schema(description = "Downloads of this release's data dictionary: XLSX, ODS and CSV per sheet.")
        List<DownloadLink> downloads) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Organisation", description = "An organisation or team with a way to reach it.")
    public record Organisation(
            @Schema(description = "Name.", example = "Ministry of Justice")
            String name,

            @Schema(
                    description = "Web address.",
                    example = "https://www.gov.uk/government/organisations/ministry-of-justice")
            String url,

            @Schema(description = "Email address.", example = "datafirst@justice.gov.uk")
            String email) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CatalogueEntry", description = "The dataset's entry in another catalogue.")
    public record CatalogueEntryDto(
            @Schema(description = "Catalogue name.", example = "HDR UK Gateway")
            String catalogue,

            @Schema(description = "Identifier there.", example = "PRIS")
            String identifier,

            @Schema(description = "Web address of the entry.", example = "https://healthdatagateway.org/dataset/351")
            String url) {}

    @Schema(name = "Identifier", description = "Another identifier of the dataset and who gave it.")
    public record IdentifierDto(
            @Schema(description = "The identifier.", example = "PROB")
            String notation,

            @Schema(description = "Who gave it.", example = "SAIL Databank")
            String issuer) {}
}
