package org.datafirst.catalogue.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The researchers' website: home and search, code lists and the coverage of all datasets (dataset
 * and variable pages are in {@link DatasetPageResource}). Not part of the API contract (excluded
 * from OpenAPI in application.properties).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PageResource {

    @Inject
    WebPages pages;

    @Inject
    PageResponses responses;

    @Inject
    ComparePages comparisons;

    @GET
    public Response home() {
        return responses.render("/", "home", () -> pages.home());
    }

    @GET
    @Path("search")
    public Response search(
            @QueryParam("q") String q,
            @QueryParam("kind") String kind,
            @QueryParam("jurisdiction") List<String> jurisdiction,
            @QueryParam("whereHeld") List<String> whereHeld,
            @QueryParam("approval") List<String> approval,
            @QueryParam("sourceSystem") List<String> sourceSystem,
            @QueryParam("coverageFrom") String coverageFrom,
            @QueryParam("coverageTo") String coverageTo,
            @QueryParam("page") String page) {
        SearchForm form = SearchForm.parse(
                q, kind, jurisdiction, whereHeld, approval, sourceSystem, coverageFrom, coverageTo, page);
        String key = form.href() + " " + form.errors() + " " + form.typedFrom() + " " + form.typedTo();
        return responses.render(key, "search", () -> pages.search(form));
    }

    @GET
    @Path("lookups/{id}")
    public Response lookup(@PathParam("id") String id) {
        return responses.render("/lookups/" + id, "lookup", () -> pages.lookup(id));
    }

    @GET
    @Path("accessibility")
    public Response accessibility() {
        return responses.render("/accessibility", "accessibility", () -> "");
    }

    @GET
    @Path("compare")
    public Response compare(@QueryParam("dataset") List<String> datasets) {
        List<String> ids = datasets == null
                ? List.of()
                : datasets.stream().distinct().sorted().toList();
        return responses.render("/compare " + ids, "compare", () -> comparisons.compare(ids));
    }

    @GET
    @Path("coverage")
    public Response coverage() {
        return responses.render("/coverage", "coverage", () -> pages.coverage());
    }

    @GET
    @Path("linked-datasets")
    public Response linkedDatasets() {
        return responses.render("/linked-datasets", "linkedDatasets", () -> pages.linkedDatasets());
    }
}
