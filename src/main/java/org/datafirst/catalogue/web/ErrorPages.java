package org.datafirst.catalogue.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.datafirst.catalogue.problem.Problem;
import org.datafirst.catalogue.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A browser never gets JSON or a blank page: a problem answer (4xx/5xx) to a request that accepts
 * HTML, outside the API, becomes a GOV.UK-styled error page with the same status and detail. The API
 * (/api/, /q/) and clients that do not ask for HTML keep application/problem+json. Requests that
 * Vert.x refuses before any resource runs (an address that does not percent-decode, such as
 * {@code %ZZ}) get the same treatment from a router error handler instead of an empty 400.
 */
@ApplicationScoped
public class ErrorPages {

    /** What an error page shows. */
    public record ErrorView(int status, String heading, String detail) {
        public boolean notFound() {
            return status == 404;
        }
    }

    @Inject
    Pages templates;

    @Inject
    ObjectMapper json;

    @ServerResponseFilter
    public void toHtml(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem
                && forBrowser(request.getUriInfo().getPath(), request.getHeaderString(HttpHeaders.ACCEPT))) {
            response.setEntity(html(problem.status(), problem.detail()), null, MediaType.TEXT_HTML_TYPE);
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, PageResponses.HTML);
            response.getHeaders().putSingle("Content-Security-Policy", ContentSecurityPolicy.POLICY);
            response.getHeaders().putSingle("X-Frame-Options", "DENY");
        }
    }

    void routerErrors(@Observes Router router) {
        router.errorHandler(400, this::vertxError);
    }

    private void vertxError(RoutingContext context) {
        String path = context.request().path() == null ? "/" : context.request().path();
        String detail = "The web address is not valid: a % must be followed by two hexadecimal digits";
        var response = context.response();
        if (response.ended()) {
            return;
        }
        response.setStatusCode(400);
        if (forBrowser(path, context.request().getHeader(HttpHeaders.ACCEPT))) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, PageResponses.HTML)
                    .putHeader("Content-Security-Policy", ContentSecurityPolicy.POLICY)
                    .putHeader("X-Frame-Options", "DENY")
                    .end(html(400, detail));
        } else {
            ProblemType type = ProblemType.BAD_REQUEST;
            try {
                response.putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .end(json.writeValueAsString(
                                new Problem(type.uri(), type.title(), 400, detail, null, java.util.List.of())));
            } catch (JsonProcessingException e) {
                response.end();
            }
        }
    }

    static boolean forBrowser(String path, String accept) {
        return accept != null
                && accept.contains(MediaType.TEXT_HTML)
                && !path.startsWith("/api/")
                && !path.startsWith("/q/");
    }

    String html(int status, String detail) {
        return templates.render("error", new ErrorView(status, heading(status), detail));
    }

    private static String heading(int status) {
        return switch (status) {
            case 404 -> "Page not found";
            case 405 -> "This page cannot be used that way";
            case 414 -> "The web address is too long";
            case 429 -> "Too many requests";
            case 503 -> "Sorry, the service is unavailable";
            default ->
                status >= 500
                        ? "Sorry, there is a problem with the service"
                        : "There is a problem with the web address";
        };
    }
}
