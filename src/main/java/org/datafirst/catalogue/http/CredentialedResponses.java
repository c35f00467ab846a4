package org.datafirst.catalogue.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * An answer to a request that carries credentials (a curator's bearer token, a Gateway key) may hold
 * what only that caller may see: drafts, the audit log. No cache may keep it ({@code private, no-store}),
 * and any cache must tell it from the public answer to the same URL ({@code Vary: Authorization}).
 */
public class CredentialedResponses {

    @ServerResponseFilter
    public void keepPrivate(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null && request.getHeaderString("apikey") == null) {
            return;
        }
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-store");
        String vary = response.getHeaderString(HttpHeaders.VARY);
        if (vary == null || vary.isBlank()) {
            response.getHeaders().putSingle(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
        } else if (!vary.toLowerCase().contains("authorization")) {
            response.getHeaders().putSingle(HttpHeaders.VARY, vary + ", " + HttpHeaders.AUTHORIZATION);
        }
    }
}
