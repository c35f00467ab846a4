package org.datafirst.catalogue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Code", description = "One value of a lookup.")
public record CodeDto(
        @Schema(description = "The value as stored in the data.", example = "F")
        String code,

        @Schema(description = "What it means.", example = "Female")
        String label,

        @Schema(description = "Longer explanation.", example = "Recorded at referral.")
        String description) {}
