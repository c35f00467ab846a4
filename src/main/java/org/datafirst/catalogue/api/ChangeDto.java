package org.datafirst.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.datafirst.catalogue.catalogue.diff.Change;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Change", description = "One difference between two releases.")
public record ChangeDto(
        @Schema(
                description =
                        "What changed: a dataset field, a coverage period, a table, a variable, a lookup or a code.",
                example = "tables/delius_flatfile/variables/gender/description")
        String path,

        @Schema(description = "added, removed or changed.", example = "changed")
        String kind,

        @Schema(description = "The value before (absent when added).", example = "\"Gender of the offender\"")
        JsonNode before,

        @Schema(
                description = "The value after (absent when removed).",
                example = "\"Gender of the person on probation\"")
        JsonNode after) {

    static ChangeDto of(Change change) {
        return new ChangeDto(change.path(), change.kind().name(), change.before(), change.after());
    }
}
