package org.datafirst.catalogue.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the API's base address answers: where its description and main collections are. */
@Schema(name = "ApiIndex", description = "The API's entry point (the DCAT data service's endpoint URL).")
public record ApiIndex(
        @Schema(description = "Name of the API.", example = "Data First Catalogue API")
        String title,

        @Schema(description = "The OpenAPI description of this API.", example = "/q/openapi")
        String openapi,

        @Schema(description = "The datasets, paged.", example = "/api/v1/datasets")
        String datasets,

        @Schema(description = "Variable search across all datasets.", example = "/api/v1/variables")
        String variables,

        @Schema(description = "The code lists.", example = "/api/v1/lookups")
        String lookups,

        @Schema(description = "The change feed.", example = "/api/v1/changes")
        String changes,

        @Schema(description = "The DCAT-AP catalogue for harvesters.", example = "/catalog")
        String catalog,

        @Schema(description = "The HDR UK Gateway (GMI) dataset list.", example = "/api/v1/gmi/datasets")
        String gateway) {}
