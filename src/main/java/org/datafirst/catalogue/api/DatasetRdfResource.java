package org.datafirst.catalogue.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.datafirst.catalogue.dcat.DcatService;
import org.datafirst.catalogue.dcat.RdfFormat;
import org.datafirst.catalogue.http.PublicBase;
import org.datafirst.catalogue.problem.NotFoundException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One dataset as DCAT-AP RDF at its stable URI ({base}/datasets/{id}). This class produces RDF
 * media types only; the HTML page at the same path (text/html) is another resource's. Both classes
 * must have the same class-level @Path ("/"): Quarkus REST picks the class by its @Path first, so
 * a class at "/datasets" would take every /datasets/{id} request and answer text/html with 406.
 */
@Path("/")
@Tag(name = "DCAT-AP")
public class DatasetRdfResource {

    @Inject
    DcatService dcat;

    @Inject
    PublicBase base;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Path("datasets/{id}")
    @Produces({RdfFormat.TURTLE_TYPE, RdfFormat.JSON_LD_TYPE, RdfFormat.RDF_XML_TYPE, RdfFormat.N_TRIPLES_TYPE})
    @Operation(
            operationId = "getDatasetRdf",
            summary = "Get a dataset as DCAT-AP",
            description = "The dataset's DCAT-AP description (releases, "
                    + "distributions, CSVW tables, SKOS code lists) at its stable URI; format by Accept.")
    @APIResponse(responseCode = "200", description = "The dataset's RDF.")
    @APIResponse(responseCode = "404", description = "No dataset has this id.")
    public Response dataset(@Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id) {
        RdfFormat format = headers.getAcceptableMediaTypes().stream()
                .map(type -> RdfFormat.fromMediaType(type.getType() + "/" + type.getSubtype()))
                .flatMap(java.util.Optional::stream)
                .findFirst()
                .orElse(RdfFormat.TURTLE);
        return CatalogResource.rdf(dcat.dataset(id, format, base.uris(uri, headers)));
    }

    @GET
    @Path("datasets/{id}.{format: ttl|jsonld|rdf|nt}")
    @Operation(
            operationId = "getDatasetRdfInFormat",
            summary = "Get a dataset as DCAT-AP in a given format",
            description = "As GET /datasets/{id} with "
                    + "Accept, with the format chosen by the extension: ttl, jsonld, rdf or nt.")
    @APIResponse(responseCode = "200", description = "The dataset's RDF.")
    @APIResponse(responseCode = "404", description = "No dataset has this id.")
    public Response datasetAs(
            @Parameter(description = "Dataset id.", example = "probation") @PathParam("id") String id,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"ttl", "jsonld", "rdf", "nt"}),
                            description = "File extension: ttl, jsonld, rdf or nt.",
                            example = "ttl")
                    @PathParam("format")
                    String extension) {
        RdfFormat format = RdfFormat.fromExtension(extension)
                .orElseThrow(() -> new NotFoundException("No RDF format '" + extension + "'"));
        return CatalogResource.rdf(dcat.dataset(id, format, base.uris(uri, headers)));
    }
}
