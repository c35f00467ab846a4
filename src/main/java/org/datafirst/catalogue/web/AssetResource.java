package org.datafirst.catalogue.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * GOV.UK Frontend's fonts and images at /assets/, where its precompiled stylesheet looks for them;
 * read from the govuk-frontend WebJar. Names are restricted to one folder level, so no path can
 * leave the assets folder. The files never change for a version, so browsers may cache them.
 */
@Path("/assets")
public class AssetResource {

    static final String GOVUK_FRONTEND =
            "META-INF/resources/webjars/govuk-frontend/" + Pages.GOVUK_FRONTEND_VERSION + "/dist/govuk/assets/";

    private static final Map<String, String> TYPES = Map.of(
            "woff2",
            "font/woff2",
            "woff",
            "font/woff",
            "png",
            "image/png",
            "svg",
            "image/svg+xml",
            "ico",
            "image/x-icon",
            "json",
            "application/manifest+json");

    /**
     * Starts GOV.UK Frontend's components. A script file rather than an inline script, so the pages'
     * Content-Security-Policy can refuse every inline script.
     */
    @GET
    @Path("scripts/init.js")
    public Response init() {
        return Response.ok(
                        "import { initAll } from '" + Pages.GOVUK_BASE + "/govuk-frontend.min.js'\ninitAll()\n",
                        "text/javascript; charset=utf-8")
                .header("Cache-Control", "public, max-age=86400")
                .build();
    }

    @GET
    @Path("{folder: fonts|images|rebrand}/{name: [A-Za-z0-9._-]+}")
    public Response asset(@PathParam("folder") String folder, @PathParam("name") String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        String type = TYPES.get(extension);
        if (type == null || name.startsWith(".")) {
            return Response.status(404).build();
        }
        try (InputStream in = Thread.currentThread()
                .getContextClassLoader()
                .getResourceAsStream(GOVUK_FRONTEND + folder + "/" + name)) {
            if (in == null) {
                return Response.status(404).build();
            }
            return Response.ok(in.readAllBytes(), type)
                    .header("Cache-Control", "public, max-age=86400")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
