package org.datafirst.catalogue.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details document, with the located errors that caused it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (media type application/problem+json).")
public record Problem(
        @Schema(description = "Stable URI identifying the problem type.", example = "/problems/not-found")
        String type,

        @Schema(description = "Short summary of the problem type.", example = "Resource not found")
        String title,

        @Schema(description = "HTTP status code.", example = "404")
        int status,

        @Schema(
                description = "What went wrong in this occurrence, naming the parameter, file or field.",
                example = "No dataset with id 'no-such-dataset'")
        String detail,

        @Schema(
                description = "The request path this problem occurred on.",
                example = "/api/v1/datasets/no-such-dataset")
        String instance,

        @Schema(description = "Every located error, when there are several.")
        List<ProblemError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
