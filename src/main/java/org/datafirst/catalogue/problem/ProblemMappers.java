package org.datafirst.catalogue.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into application/problem+json. Domain exceptions carry their own type;
 * framework exceptions are mapped by status; anything else is a logged 500 without a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response catalogue(CatalogueException e, UriInfo uri) {
        Response response = respond(e.type(), e.getMessage(), e.errors(), uri);
        if (e.type() == ProblemType.UNAUTHORIZED) {
            return Response.fromResponse(response)
                    .header("WWW-Authenticate", "Bearer realm=\"catalogue\"")
                    .build();
        }
        if (e instanceof TooManyRequestsException tooMany) {
            return Response.fromResponse(response)
                    .header("Retry-After", tooMany.retryAfterSeconds())
                    .build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        ProblemType type;
        if (e instanceof NotAllowedException) {
            type = ProblemType.METHOD_NOT_ALLOWED;
        } else if (e instanceof NotAcceptableException) {
            type = ProblemType.NOT_ACCEPTABLE;
        } else if (e instanceof NotSupportedException) {
            type = ProblemType.UNSUPPORTED_MEDIA_TYPE;
        } else if (status == 404) {
            type = ProblemType.NOT_FOUND;
        } else if (status == 503) {
            type = ProblemType.SERVICE_UNAVAILABLE;
        } else {
            type = status >= 500 ? ProblemType.INTERNAL : ProblemType.BAD_REQUEST;
        }
        if (status >= 500) {
            LOG.error("Request failed: " + uri.getPath(), e);
            return respond(type, "The server could not complete the request", List.of(), uri);
        }
        String detail = type == ProblemType.NOT_FOUND ? "No resource at " + uri.getPath() : e.getMessage();
        Response response = respond(type, detail, List.of(), uri);
        if (type == ProblemType.METHOD_NOT_ALLOWED && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(response)
                    .header("Allow", e.getResponse().getHeaderString("Allow"))
                    .build();
        }
        return response;
    }

    /** No credentials, or credentials that do not verify: 401 with a Bearer challenge; nothing was written. */
    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(
                        ProblemType.UNAUTHORIZED,
                        "This request needs a valid bearer token of a curator (Authorization: Bearer <token>)",
                        List.of(),
                        uri))
                .header("WWW-Authenticate", "Bearer realm=\"catalogue\"")
                .build();
    }

    /** A verified caller without the curator role. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, "This request needs the 'curator' role", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseUnavailable.causes(e)) {
            LOG.warnf("Database unavailable on %s: %s", uri.getPath(), e.getMessage());
            return Response.fromResponse(respond(
                            ProblemType.SERVICE_UNAVAILABLE,
                            "The catalogue's database is unavailable; try again shortly",
                            List.of(),
                            uri))
                    .header("Retry-After", "5")
                    .build();
        }
        LOG.error("Unexpected failure on " + uri.getPath(), e);
        return respond(ProblemType.INTERNAL, "The server could not complete the request", List.of(), uri);
    }

    static Response respond(ProblemType type, String detail, List<ProblemError> errors, UriInfo uri) {
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, uri.getPath(), errors);
        return Response.status(type.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
