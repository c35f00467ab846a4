package org.datafirst.catalogue.http;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.datafirst.catalogue.problem.BadParameterException;
import org.datafirst.catalogue.problem.UriTooLongException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, before any resource runs, what no resource can use: control characters (NUL above all,
 * which PostgreSQL cannot store in text) in the path or in a query parameter's name or value, query
 * strings that do not decode, and an X-Forwarded-Host that is not a host. One 400 problem naming the
 * parameter, instead of a 500 from wherever the value would have ended up. Addresses longer than
 * {@link #MAX_URI_LENGTH} are refused here too (414), so a browser gets a readable page: Vert.x
 * itself (quarkus.http.limits.max-initial-line-length) cuts off only far longer request lines, with an
 * empty answer.
 */
public class MalformedRequests {

    /** A DNS name or IPv4 address, or a bracketed IPv6 address, with an optional port. */
    private static final Pattern HOST =
            Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}])(?::\\d{1,5})?");

    private static final String FORWARDED_HOST = "X-Forwarded-Host";

    /** Well above any address the service makes (search links with every filter are under 1,000). */
    public static final int MAX_URI_LENGTH = 8192;

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    public void refuse(ContainerRequestContext request, HttpServerRequest http) {
        if (http.uri().length() > MAX_URI_LENGTH) {
            throw new UriTooLongException(http.uri().length(), MAX_URI_LENGTH);
        }
        String forwardedHost = request.getHeaderString(FORWARDED_HOST);
        if (forwardedHost != null) {
            for (String host : forwardedHost.split(",")) {
                if (!HOST.matcher(host.trim()).matches()) {
                    throw new BadParameterException(FORWARDED_HOST, "must be a host name with an optional port");
                }
            }
        }
        UriInfo uri = request.getUriInfo();
        MultivaluedMap<String, String> query;
        String path;
        try {
            path = uri.getPath(true);
            query = uri.getQueryParameters(true);
        } catch (RuntimeException e) {
            // IllegalArgumentException from the path decoder, Vert.x's HttpException(400) from the query's
            throw new BadParameterException("query", "is not valid percent-encoded UTF-8");
        }
        if (hasControlCharacter(path)) {
            throw new BadParameterException("path", "must not contain control characters such as NUL (%00)");
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (hasControlCharacter(parameter.getKey())) {
                throw new BadParameterException("query", "must not contain control characters such as NUL (%00)");
            }
            for (String value : parameter.getValue()) {
                if (hasControlCharacter(value)) {
                    throw new BadParameterException(
                            parameter.getKey(), "must not contain control characters such as NUL (%00)");
                }
            }
        }
    }

    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return true;
            }
        }
        return false;
    }
}
