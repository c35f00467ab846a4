package org.datafirst.catalogue.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.datafirst.catalogue.problem.NotFoundException;

/**
 * Turns a page view into an HTML response: rendered (or taken from the cache, by what the page shows)
 * to a string, so the ETag filter tags pages like every other response. What does not exist gets
 * the "page not found" page with status 404.
 */
@ApplicationScoped
public class PageResponses {

    static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    @Inject
    Pages templates;

    @Inject
    PageCache cache;

    @Inject
    ErrorPages errors;

    /** The page named by {@code key} (see {@link PageCache}: what the page shows, not its raw address). */
    public Response render(String key, String page, Supplier<Object> view) {
        try {
            String html = cache.get(key, () -> templates.render(page, view.get()));
            return Response.ok(html, HTML).build();
        } catch (NotFoundException e) {
            return Response.status(404)
                    .type(HTML)
                    .entity(errors.html(404, e.getMessage()))
                    .build();
        }
    }
}
