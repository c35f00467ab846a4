package org.datafirst.catalogue.dcat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Stands in for the HTML dataset page so tests can check that /datasets/{id} is shared: text/html
 * goes to the page, RDF media types to DatasetRdfResource. It mirrors web/PageResource of issue 6
 * (class @Path("/"), method "datasets/{id}", text/html). DELETE THIS FILE when web/PageResource is
 * merged: the routing test in DcatEndpointsTest then checks against the real page.
 */
@Path("/")
public class HtmlPageStub {

    @GET
    @Path("datasets/{id}")
    @Produces(MediaType.TEXT_HTML)
    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    public String page(@PathParam("id") String id) {
        return "<!doctype html><title>" + id + "</title>";
    }
}
