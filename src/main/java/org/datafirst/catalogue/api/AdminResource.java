package org.datafirst.catalogue.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.datafirst.catalogue.curation.CurationService;
import org.datafirst.catalogue.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Curators' maintenance operations.")
public class AdminResource {

    @Inject
    CurationService curation;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/sources/reload")
    @RolesAllowed(Roles.CURATOR)
    @SecurityRequirement(name = DatasetResource.BEARER)
    @Operation(
            operationId = "reloadSources",
            summary = "Reload the catalogue sources",
            description = "Loads catalogue-sources/ again, as at "
                    + "start-up: each changed file makes one release in its own transaction, a bad file is rejected with its "
                    + "errors and changes nothing. Answers with each file's outcome.")
    @APIResponse(responseCode = "200", description = "Each file's outcome.")
    public List<SourceLoadResult> reload() {
        return curation.reloadSources(CuratorAccess.actor(identity)).stream()
                .map(SourceLoadResult::of)
                .toList();
    }
}
