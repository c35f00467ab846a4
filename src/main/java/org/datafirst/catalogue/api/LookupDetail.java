package org.datafirst.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Lookup", description = "A code list with its codes and the variables that use it.")
public record LookupDetail(
        @Schema(description = "Stable lookup id.", example = "gender")
        String id,

        @Schema(description = "Title.", example = "Gender") String title,

        @Schema(
                description = "What the codes classify and how they were observed.",
                example = "Gender as recorded in nDelius.")
        String description,

        @Schema(description = "True only when a source shows this is the whole code list.", example = "false")
        boolean complete,

        @Schema(description = "Number of codes.", example = "2")
        int codeCount,

        @Schema(description = "Where the code list comes from.")
        LookupSourceDto source,

        @Schema(description = "Codes in order; omitted in lists.")
        List<CodeDto> codes,

        @Schema(description = "Variables in current releases that use this lookup.")
        List<VariableRef> usedBy,

        @Schema(description = "Link to the lookup resource.", example = "/api/v1/lookups/gender")
        String href) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "LookupSource", description = "Provenance of a code list.")
    public record LookupSourceDto(
            @Schema(description = "Title of the source.", example = "Probation data analysis (R code)")
            String title,

            @Schema(description = "Web address.", example = "https://www.gov.uk/")
            String url,

            @Schema(description = "Repository.", example = "CarlyLL/Enforced-alcohol-abstinence")
            String repo,

            @Schema(description = "Path in the repository.", example = "R Code excerpt 4 Probation data analysis.R")
            String path,

            @Schema(description = "Commit.", example = "9236651a226e585e451abe59d10e865c14279cc9")
            String commit,

            @Schema(description = "Licence.", example = "MIT")
            String licence,

            @Schema(description = "How the values were observed.", example = "keys of a researcher recode list")
            String howObserved) {}
}
