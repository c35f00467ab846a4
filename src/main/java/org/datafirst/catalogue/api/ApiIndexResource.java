package org.datafirst.catalogue.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.datafirst.catalogue.http.Routes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The API's base address, advertised as the DCAT data service's endpoint URL, answers with its links. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API", description = "The entry point of the API.")
public class ApiIndexResource {

    private static final Routes ROUTES = Routes.RELATIVE;

    @GET
    @Operation(
            operationId = "getApiIndex",
            summary = "Get the API's entry point",
            description = "Links to the OpenAPI description and the main collections.")
    @APIResponse(responseCode = "200", description = "The links.")
    public ApiIndex index() {
        return new ApiIndex(
                "Data First Catalogue API",
                ROUTES.apiDescription(),
                ROUTES.api() + "/datasets",
                ROUTES.api() + "/variables",
                ROUTES.api() + "/lookups",
                ROUTES.api() + "/changes",
                ROUTES.catalog(),
                ROUTES.api() + "/gmi/datasets");
    }
}
