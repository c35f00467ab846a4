package org.datafirst.catalogue.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.datafirst.catalogue.http.PublicBase;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * HDR UK Gateway Metadata Integration (GMI): configure the Gateway federation with base URL
 * {base}/api/v1/gmi, datasets endpoint /datasets and dataset endpoint /datasets/{id}.
 */
@Path("/api/v1/gmi/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "HDR UK Gateway", description = "Gateway Metadata Integration (GMI) endpoints the HDR UK Gateway pulls.")
public class GatewayResource {

    @Inject
    GatewayService gateway;

    @Inject
    PublicBase base;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(
            operationId = "listGatewayDatasets",
            summary = "List datasets for the HDR UK Gateway",
            description = "Every dataset with its persistent id and "
                    + "metadata version, in the shape of the GMI datasets endpoint schema. When catalogue.gateway.api-key is set, "
                    + "send it as an 'apikey' header or as 'Authorization: Bearer <key>'.")
    @APIResponse(responseCode = "200", description = "Every dataset.")
    @APIResponse(responseCode = "401", description = "An API key is configured and the request did not send it.")
    public GmiDatasetList list(
            @Parameter(description = "The API key (GMI auth type API_KEY), when one is configured.", example = "k3y")
                    @HeaderParam("apikey")
                    String apikey,
            @Parameter(
                            description = "'Bearer <key>' (GMI auth type BEARER), when a key is configured.",
                            example = "Bearer k3y")
                    @HeaderParam("Authorization")
                    String authorization) {
        gateway.authorise(apikey, authorization);
        return gateway.list(base.uris(uri, headers));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getGatewayDataset",
            summary = "Get a dataset's HDR UK 4.0.0 document",
            description = "The dataset's current release as an HDR UK "
                    + "dataset schema 4.0.0 document, with structuralMetadata (tables, columns and code values). Its version "
                    + "changes exactly when the dataset's content changes.")
    @APIResponse(
            responseCode = "200",
            description = "The HDR UK 4.0.0 document.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            description =
                                                    "An HDR UK dataset schema 4.0.0 document (HDRUK/schemata hdr_schemata/models/HDRUK/4.0.0).")))
    @APIResponse(responseCode = "401", description = "An API key is configured and the request did not send it.")
    @APIResponse(responseCode = "404", description = "No dataset has this id.")
    public ObjectNode document(
            @Parameter(description = "Dataset id (the GMI persistentId).", example = "probation") @PathParam("id")
                    String id,
            @Parameter(description = "The API key (GMI auth type API_KEY), when one is configured.", example = "k3y")
                    @HeaderParam("apikey")
                    String apikey,
            @Parameter(
                            description = "'Bearer <key>' (GMI auth type BEARER), when a key is configured.",
                            example = "Bearer k3y")
                    @HeaderParam("Authorization")
                    String authorization) {
        gateway.authorise(apikey, authorization);
        return gateway.document(id, base.uris(uri, headers));
    }
}
