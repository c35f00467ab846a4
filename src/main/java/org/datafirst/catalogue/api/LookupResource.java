package org.datafirst.catalogue.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.datafirst.catalogue.catalogue.CatalogueService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/lookups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lookups", description = "Code lists and where each is used.")
public class LookupResource {

    @Inject
    CatalogueService catalogue;

    @GET
    @Operation(
            operationId = "listLookups",
            summary = "List lookups",
            description = "Every lookup used by a current release, with its number of "
                    + "codes and the variables that use it, ordered by id.")
    @APIResponse(responseCode = "200", description = "The lookups.")
    public List<LookupDetail> list() {
        CatalogueService.LookupList lookups = catalogue.lookups();
        return lookups.lookups().stream()
                .map(lv -> ApiMapper.lookup(lv, lookups.uses(), false))
                .toList();
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getLookup",
            summary = "Get a lookup with its codes",
            description = "A lookup's codes in order and every variable " + "of a current release that uses it.")
    @APIResponse(responseCode = "200", description = "The lookup.")
    @APIResponse(responseCode = "404", description = "No lookup in use has this id.")
    public LookupDetail get(@Parameter(description = "Lookup id.", example = "gender") @PathParam("id") String id) {
        CatalogueService.LookupRead lookup = catalogue.lookup(id);
        return ApiMapper.lookup(lookup.lookup(), lookup.uses(), true);
    }
}
