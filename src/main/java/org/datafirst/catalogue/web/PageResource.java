package org.datafirst.catalogue.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Supplier;
import org.datafirst.catalogue.config.CatalogueConfig;
import org.datafirst.catalogue.problem.NotFoundException;

/**
 * The researchers' website: server-rendered HTML pages. Pages are rendered to strings here so the
 * ETag filter tags them like every other response. Not part of the API contract (excluded from
 * OpenAPI in application.properties).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PageResource {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    @Inject
    WebPages pages;

    @Inject
    CatalogueConfig config;

    @Inject
    Pages templates;

    @Inject
    PageCache cache;

    @Context
    UriInfo request;

    @GET
    public Response home() {
        return render("home", () -> pages.home());
    }

    @GET
    @Path("search")
    public Response search(@QueryParam("q") String q, @QueryParam("kind") String kind,
            @QueryParam("jurisdiction") List<String> jurisdiction, @QueryParam("whereHeld") List<String> whereHeld,
            @QueryParam("approval") List<String> approval, @QueryParam("sourceSystem") List<String> sourceSystem,
            @QueryParam("coverageFrom") String coverageFrom, @QueryParam("coverageTo") String coverageTo,
            @QueryParam("page") String page) {
        SearchForm form = SearchForm.parse(q, kind, jurisdiction, whereHeld, approval, sourceSystem, coverageFrom,
                coverageTo, page);
        return render("search", () -> pages.search(form));
    }

    @GET
    @Path("datasets/{id}")
    public Response dataset(@PathParam("id") String id) {
        String base = config.api().baseUrl().orElse(request.getBaseUri().toString()).replaceAll("/$", "");
        return render("dataset", () -> pages.dataset(id, base));
    }

    @GET
    @Path("datasets/{id}/tables/{table}/variables/{variable}")
    public Response variable(@PathParam("id") String id, @PathParam("table") String table,
            @PathParam("variable") String variable) {
        return render("variable", () -> pages.variable(id, table, variable));
    }

    @GET
    @Path("lookups/{id}")
    public Response lookup(@PathParam("id") String id) {
        return render("lookup", () -> pages.lookup(id));
    }

    @GET
    @Path("coverage")
    public Response coverage() {
        return render("coverage", () -> pages.coverage());
    }

    /**
     * Renders a page (or takes it from the cache, by full address); what does not exist gets the
     * "page not found" page with status 404.
     */
    private Response render(String page, Supplier<Object> view) {
        try {
            String html = cache.get(request.getRequestUri().toString(), () -> templates.render(page, view.get()));
            return Response.ok(html, HTML).build();
        } catch (NotFoundException e) {
            return Response.status(404).type(HTML).entity(templates.render("notFound", e.getMessage())).build();
        }
    }
}
