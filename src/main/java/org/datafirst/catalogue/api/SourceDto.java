package org.datafirst.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Source", description = "Where published facts come from: a document or a repository file at a commit.")
public record SourceDto(
        @Schema(description = "Id that tables and variables refer to.", example = "user-guide")
        String id,

        @Schema(description = "Title of the source.", example = "Data First: An Introductory User Guide v8.2")
        String title,

        @Schema(description = "Web address.", example = "https://www.gov.uk/guidance/ministry-of-justice-data-first")
        String url,

        @Schema(description = "Repository (owner/name).", example = "moj-analytical-services/bold-prevention-1")
        String repo,

        @Schema(description = "Path in the repository.", example = "docs/docs/data_first.md")
        String path,

        @Schema(description = "Commit of the repository file.", example = "50d1131952df984d470a309ab2ee63b9f88f5a12")
        String commit,

        @Schema(description = "Licence of the source.", example = "Open Government Licence v3.0")
        String licence) {}
