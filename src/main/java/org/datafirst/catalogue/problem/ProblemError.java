package org.datafirst.catalogue.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One located error: where (a parameter, a file plus JSON pointer, a sheet cell) and what. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ProblemError", description = "One located error inside a problem.")
public record ProblemError(
        @Schema(
                description = "Where the error is: a query parameter, a file, or a sheet cell.",
                example = "datasets/probation.yaml")
        String location,

        @Schema(
                description = "JSON pointer to the offending field, when the input is JSON or YAML.",
                example = "/tables/0/variables/3/type")
        String pointer,

        @Schema(description = "What is wrong there.", example = "must be one of [string, integer, date]")
        String message) {

    public static ProblemError at(String location, String message) {
        return new ProblemError(location, null, message);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (location != null) {
            text.append(location);
        }
        if (pointer != null) {
            text.append(pointer.isEmpty() ? "#" : "#" + pointer);
        }
        return text.append(": ").append(message).toString();
    }
}
