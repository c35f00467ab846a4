package org.datafirst.catalogue.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One dataset in the GMI list. */
@JsonPropertyOrder({
    "@schema",
    "type",
    "persistentId",
    "name",
    "description",
    "version",
    "self",
    "issued",
    "modified",
    "source"
})
@Schema(
        name = "GmiDataset",
        description = "A dataset entry of the GMI list: persistent id, metadata version "
                + "(changes exactly when the dataset's content changes) and where its HDR UK document is.")
public record GmiDataset(
        @JsonProperty("@schema")
        @Schema(
                name = "@schema",
                description = "Schema version label the GMI list schema accepts. The detail "
                        + "document itself is HDR UK 4.0.0; the list schema's enum predates 4.0.0.",
                example = "2.0.2")
        String schema,

        @Schema(description = "Always 'dataset'.", example = "dataset")
        String type,

        @Schema(
                description = "Persistent identifier across all versions: the catalogue's dataset id.",
                example = "probation")
        String persistentId,

        @Schema(description = "Title, at most 80 characters.", example = "MoJ Data First probation dataset")
        String name,

        @Schema(
                description = "Abstract, at most 255 characters.",
                example = "Research extract of the National Delius probation case management system.")
        String description,

        @Schema(
                description = "Metadata version {publication}.{mapping revision}.0: rises with every publication and "
                        + "every change of the mapping, never goes back.",
                example = "1.1.0")
        String version,

        @Schema(
                description = "URL of this dataset's HDR UK 4.0.0 document.",
                example = "https://catalogue.example/api/v1/gmi/datasets/probation")
        String self,

        @Schema(
                description = "When this metadata version was issued: its release's publication (ISO 8601), as in "
                        + "the HDR UK document.",
                example = "2025-05-30T09:15:00.000Z")
        String issued,

        @Schema(
                description = "When this metadata version was last modified (ISO 8601), as in the HDR UK document.",
                example = "2025-05-30T09:15:00.000Z")
        String modified,

        @Schema(description = "The originating organisation.", example = "Ministry of Justice")
        String source) {}
