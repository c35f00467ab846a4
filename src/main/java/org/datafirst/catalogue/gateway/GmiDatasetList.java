package org.datafirst.catalogue.gateway;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The HDR UK Gateway Metadata Integration (GMI) list: every dataset, in the shape of gmi.schema.json. */
@Schema(
        name = "GmiDatasetList",
        description = "Every published dataset as the HDR UK Gateway's federated "
                + "metadata puller expects it (HDRUK/schemata GMI datasets endpoint schema).")
public record GmiDatasetList(
        @Schema(description = "What was asked and how many items there are.")
        GmiQuery query,

        @Schema(description = "One entry per dataset; the Gateway fetches each one's HDR UK document from 'self'.")
        List<GmiDataset> items) {

    @Schema(name = "GmiQuery", description = "Key information about the query and the response.")
    public record GmiQuery(
            @Schema(description = "Number of items returned.", example = "9")
            int total,

            @Schema(description = "Page limit; 0 means no limit (all datasets are returned).", example = "0")
            int limit,

            @Schema(description = "Offset of the first item.", example = "0")
            int offset) {}
}
