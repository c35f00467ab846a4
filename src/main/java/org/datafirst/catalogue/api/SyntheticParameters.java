package org.datafirst.catalogue.api;

import jakarta.ws.rs.QueryParam;
import org.datafirst.catalogue.http.QueryParameters;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of every synthetic-data download: how many rows, and which draw. */
public class SyntheticParameters {

    @Parameter(
            description = "Rows per table, from 1 to the configured maximum (100,000 by default); 25,000 when absent, "
                    + "the size of Data First's own synthetic sets.",
            example = "1000",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100000"))
    @QueryParam("rows")
    String rows;

    @Parameter(
            description = "Seed: the same release, seed and rows always give the same bytes.",
            example = "1",
            schema = @Schema(type = SchemaType.INTEGER))
    @QueryParam("seed")
    String seed;

    Integer rows() {
        return QueryParameters.integer("rows", rows).orElse(null);
    }

    Integer seed() {
        return QueryParameters.integer("seed", seed).orElse(null);
    }
}
