package org.datafirst.catalogue.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.datafirst.catalogue.http.PublicBase;
import org.datafirst.catalogue.http.QueryParameters;
import org.datafirst.catalogue.problem.BadParameterException;

/**
 * Dataset and variable pages. /datasets/{id} is shared with the DCAT resource: browsers (text/html)
 * get this page, harvesters asking for RDF get DatasetRdfResource. Both keep the class-level
 * {@code @Path("/")}, because Quarkus REST picks the class by its path before the media type.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DatasetPageResource {

    @Inject
    WebPages pages;

    @Inject
    PageResponses responses;

    @Inject
    PublicBase publicBase;

    @Context
    UriInfo request;

    @Context
    HttpHeaders headers;

    @GET
    @Path("datasets/{id}")
    public Response dataset(@PathParam("id") String id) {
        String base = publicBase.uris(request, headers);
        // The same address serves RDF to harvesters (api/DatasetRdfResource): caches must key on Accept.
        return Response.fromResponse(
                        responses.render("/datasets/" + id + " " + base, "dataset", () -> pages.dataset(id, base)))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .build();
    }

    @GET
    @Path("datasets/{id}/changes")
    public Response changes(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        int before = QueryParameters.integer("from", from)
                .orElseThrow(() -> new BadParameterException("from", "is required: the release to compare from"));
        int after = QueryParameters.integer("to", to)
                .orElseThrow(() -> new BadParameterException("to", "is required: the release to compare to"));
        return responses.render(
                "/datasets/" + id + "/changes " + before + " " + after,
                "changes",
                () -> pages.changes(id, before, after));
    }

    @GET
    @Path("datasets/{id}/tables/{table}/variables/{variable}")
    public Response variable(
            @PathParam("id") String id, @PathParam("table") String table, @PathParam("variable") String variable) {
        return responses.render(
                "/datasets/" + id + "/tables/" + table + "/variables/" + variable,
                "variable",
                () -> pages.variable(id, table, variable));
    }
}
