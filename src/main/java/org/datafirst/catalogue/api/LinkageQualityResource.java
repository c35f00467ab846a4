package org.datafirst.catalogue.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.datafirst.catalogue.http.Routes;
import org.datafirst.catalogue.linkagequality.LinkageQualityService;
import org.datafirst.catalogue.problem.NotFoundException;
import org.datafirst.catalogue.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/datasets/{id}/linkage-quality")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Linkage quality", description = "Linkage-quality reports published by the linkage module.")
public class LinkageQualityResource {

    @Inject
    LinkageQualityService reports;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CURATOR)
    @SecurityRequirement(name = DatasetResource.BEARER)
    @Operation(
            operationId = "publishLinkageQuality",
            summary = "Publish a linkage-quality report",
            description =
                    "What the linkage module's publish command sends. The report is checked against "
                            + "linkage-quality-report.schema.json and disclosure control is applied again: any count from 1 to 9 "
                            + "is refused. Stored immutably, attached to the dataset's current release, per source dataset and role.")
    @RequestBody(
            description = "The report.",
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            description =
                                                    "A report valid against linkage-quality-report.schema.json.")))
    @APIResponse(
            responseCode = "201",
            description = "Stored.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LinkageQualityReceipt.class)))
    @APIResponse(responseCode = "404", description = "No dataset has this id.")
    @APIResponse(
            responseCode = "422",
            description = "The report breaks its schema or disclosure control; errors have JSON pointers.")
    public RestResponse<LinkageQualityReceipt> publish(
            @Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id, byte[] body) {
        var stored = reports.publish(id, body, CuratorAccess.actor(identity));
        return RestResponse.ResponseBuilder.<LinkageQualityReceipt>created(
                        URI.create(Routes.RELATIVE.linkageQualityJson(id)))
                .entity(LinkageQualityReceipt.of(stored, false))
                .build();
    }

    @GET
    @Operation(
            operationId = "getLinkageQuality",
            summary = "Get the latest linkage-quality report",
            description = "The newest report published for the " + "dataset, with the release it is attached to.")
    @APIResponse(responseCode = "200", description = "The report.")
    @APIResponse(responseCode = "404", description = "No such dataset, or no report yet.")
    public LinkageQualityReceipt latest(
            @Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id) {
        return LinkageQualityReceipt.of(
                reports.latest(id)
                        .orElseThrow(() -> new NotFoundException("Dataset '" + id + "' has no linkage-quality report")),
                true);
    }

    @GET
    @Path("history")
    @Operation(
            operationId = "listLinkageQualityReports",
            summary = "List a dataset's linkage-quality reports",
            description =
                    "Every report published for the dataset, newest first, each with the release it is attached to.")
    @APIResponse(responseCode = "200", description = "The reports, newest first (empty when there are none).")
    @APIResponse(responseCode = "404", description = "No dataset has this id.")
    public List<LinkageQualityReceipt> history(
            @Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id) {
        return reports.history(id).stream()
                .map(r -> LinkageQualityReceipt.of(r, true))
                .toList();
    }
}
