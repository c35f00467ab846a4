package org.datafirst.catalogue.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.datafirst.catalogue.audit.AuditLog;
import org.datafirst.catalogue.config.CatalogueConfig;
import org.datafirst.catalogue.http.PageRequest;
import org.datafirst.catalogue.http.QueryParameters;
import org.datafirst.catalogue.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The audit log of writes, for curators.")
public class AuditResource {

    @Inject
    AuditLog audit;

    @Inject
    CatalogueConfig config;

    @GET
    @RolesAllowed(Roles.CURATOR)
    @SecurityRequirement(name = DatasetResource.BEARER)
    @Operation(
            operationId = "listAuditEntries",
            summary = "Read the audit log",
            description = "Every write (release created, draft published, "
                    + "linkage-quality report published): who, when, what and from what, newest first. Curators only.")
    @APIResponse(responseCode = "200", description = "A page of entries.")
    public AuditPage entries(
            @Parameter(description = "Only entries about this dataset.", example = "probation") @QueryParam("dataset")
                    String dataset,
            @Parameter(
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"),
                            description = "Page number, from 1.",
                            example = "1")
                    @QueryParam("page")
                    String page,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "100"),
                            description = "Page size, 1 to 100.",
                            example = "20")
                    @QueryParam("size")
                    String size) {
        PageRequest request = QueryParameters.page(page, size, config.api());
        Optional<String> datasetId = Optional.ofNullable(dataset).filter(d -> !d.isBlank());
        return new AuditPage(
                audit.entries(datasetId, request).stream()
                        .map(AuditEntryDto::of)
                        .toList(),
                request.page(),
                request.size(),
                audit.count(datasetId));
    }
}
