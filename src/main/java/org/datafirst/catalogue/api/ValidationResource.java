package org.datafirst.catalogue.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.datafirst.catalogue.http.PublicBase;
import org.datafirst.catalogue.validation.HarvestValidation;
import org.datafirst.catalogue.validation.ValidationReport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/datasets/{id}/validation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Datasets")
public class ValidationResource {

    @Inject
    HarvestValidation validation;

    @Inject
    PublicBase base;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(
            operationId = "getValidationReport",
            summary = "Validate a dataset's published metadata",
            description = "Checks the dataset's DCAT-AP RDF against "
                    + "the DCAT-AP 3.0.1 SHACL shapes, its HDR UK document against the HDR UK 4.0.0 schema, and its GMI list "
                    + "entry against the GMI schema; reports every finding per target.")
    @APIResponse(responseCode = "200", description = "The report (also when a target does not conform).")
    @APIResponse(responseCode = "404", description = "No dataset has this id.")
    public ValidationReport validate(
            @Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id) {
        return validation.validate(id, base.uris(uri, headers));
    }
}
