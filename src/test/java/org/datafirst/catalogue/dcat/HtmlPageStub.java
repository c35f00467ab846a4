package org.datafirst.catalogue.dcat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Stands in for the HTML dataset page (issue 6) so tests can check that /datasets/{id} is shared:
 * text/html goes to the page, RDF media types to DatasetRdfResource. Delete it once the real page
 * resource is merged (the routing test then checks against the real one).
 */
@Path("/datasets")
public class HtmlPageStub {

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    public String page(@PathParam("id") String id) {
        return "<!doctype html><title>" + id + "</title>";
    }
}
