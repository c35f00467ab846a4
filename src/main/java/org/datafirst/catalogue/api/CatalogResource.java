package org.datafirst.catalogue.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.datafirst.catalogue.config.CatalogueConfig;
import org.datafirst.catalogue.dcat.CatalogRequest;
import org.datafirst.catalogue.dcat.DcatService;
import org.datafirst.catalogue.dcat.RdfDocument;
import org.datafirst.catalogue.dcat.RdfFormat;
import org.datafirst.catalogue.http.PageRequest;
import org.datafirst.catalogue.http.PublicBase;
import org.datafirst.catalogue.http.QueryParameters;
import org.datafirst.catalogue.problem.NotFoundException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The DCAT-AP 3 catalogue for harvesters, paged with Hydra; format by Accept or by extension. */
@Path("/")
@Tag(name = "DCAT-AP", description = "The catalogue and its datasets as DCAT-AP 3 RDF for harvesters (ADR UK, CKAN).")
public class CatalogResource {

    @Inject
    DcatService dcat;

    @Inject
    PublicBase base;

    @Inject
    CatalogueConfig config;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Path("catalog")
    @Produces({RdfFormat.TURTLE_TYPE, RdfFormat.JSON_LD_TYPE, RdfFormat.RDF_XML_TYPE, RdfFormat.N_TRIPLES_TYPE})
    @Operation(
            operationId = "getCatalog",
            summary = "Get the DCAT-AP catalogue",
            description = "A page of the dcat:Catalog with one dcat:Dataset "
                    + "per dataset (releases, distributions, CSVW tables and SKOS code lists included) and the dcat:DataService. "
                    + "Format by Accept: Turtle (default), JSON-LD, RDF/XML or N-Triples. Hydra paging links (current and legacy "
                    + "terms) are absolute; datasets are ordered by id.")
    @APIResponse(responseCode = "200", description = "The catalogue page.")
    @APIResponse(responseCode = "400", description = "A parameter has an invalid value; the problem names it.")
    public Response catalog(
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
                                            maximum = "1000"),
                            description = "Datasets per page (default 100, at most 1000).",
                            example = "100")
                    @QueryParam("size")
                    String size,
            @Parameter(
                            description =
                                    "Only datasets whose current release was made at or after this date or date-time.",
                            example = "2025-01-01")
                    @QueryParam("modified_since")
                    String modifiedSince) {
        RdfFormat format = headers.getAcceptableMediaTypes().stream()
                .map(type -> RdfFormat.fromMediaType(type.getType() + "/" + type.getSubtype()))
                .flatMap(java.util.Optional::stream)
                .findFirst()
                .orElse(RdfFormat.TURTLE);
        return respond(format, page, size, modifiedSince);
    }

    @GET
    @Path("catalog.{format}")
    @Operation(
            operationId = "getCatalogInFormat",
            summary = "Get the DCAT-AP catalogue in a given format",
            description = "As GET /catalog, with the format "
                    + "chosen by the extension: ttl (Turtle), jsonld (JSON-LD), rdf (RDF/XML) or nt (N-Triples).")
    @APIResponse(responseCode = "200", description = "The catalogue page.")
    @APIResponse(responseCode = "404", description = "Unknown extension.")
    public Response catalogAs(
            @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"ttl", "jsonld", "rdf", "nt"}),
                            description = "File extension: ttl, jsonld, rdf or nt.",
                            example = "ttl")
                    @PathParam("format")
                    String extension,
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
                                            maximum = "1000"),
                            description = "Datasets per page (default 100, at most 1000).",
                            example = "100")
                    @QueryParam("size")
                    String size,
            @Parameter(
                            description =
                                    "Only datasets whose current release was made at or after this date or date-time.",
                            example = "2025-01-01")
                    @QueryParam("modified_since")
                    String modifiedSince) {
        RdfFormat format = RdfFormat.fromExtension(extension)
                .orElseThrow(() ->
                        new NotFoundException("No catalogue format '" + extension + "'; use ttl, jsonld, rdf or nt"));
        return respond(format, page, size, modifiedSince);
    }

    private Response respond(RdfFormat format, String page, String size, String modifiedSince) {
        PageRequest request = QueryParameters.page(
                page, size, config.dcat().pageSize(), config.dcat().maxPageSize());
        CatalogRequest catalogRequest = new CatalogRequest(
                base.requestUri(uri, headers),
                base.uris(uri, headers),
                QueryParameters.instant("modified_since", modifiedSince),
                request.page(),
                request.size());
        return rdf(dcat.catalog(format, catalogRequest));
    }

    static Response rdf(RdfDocument document) {
        return Response.ok(document.body(), document.mediaType() + "; charset=utf-8")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .build();
    }
}
