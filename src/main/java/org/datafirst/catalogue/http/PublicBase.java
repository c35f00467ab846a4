package org.datafirst.catalogue.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.datafirst.catalogue.config.CatalogueConfig;

/**
 * Where the service is, as clients see it. Quarkus applies X-Forwarded-Proto/Host (see
 * quarkus.http.proxy.* in application.properties) to the request URI; X-Forwarded-Prefix (the path
 * a proxy mounts the service under) is added here, so links stay correct behind a proxy.
 */
@ApplicationScoped
public class PublicBase {

    @Inject
    CatalogueConfig config;

    /** Base of minted, stable URIs: catalogue.base-uri, else the request's base. */
    public String uris(UriInfo uri, HttpHeaders headers) {
        return config.baseUri().map(PublicBase::trim).orElseGet(() -> request(uri, headers));
    }

    /** The request's public base, e.g. https://proxy.example/catalogue. */
    public String request(UriInfo uri, HttpHeaders headers) {
        URI base = uri.getBaseUri();
        String origin = base.getScheme() + "://" + base.getRawAuthority();
        return trim(origin + prefix(uri, headers) + trim(base.getRawPath()));
    }

    /** The absolute URI of the request as the client sent it (query included). */
    public URI requestUri(UriInfo uri, HttpHeaders headers) {
        URI request = uri.getRequestUri();
        String origin = request.getScheme() + "://" + request.getRawAuthority();
        return URI.create(origin
                + prefix(uri, headers)
                + request.getRawPath()
                + (request.getRawQuery() == null ? "" : "?" + request.getRawQuery()));
    }

    private static String prefix(UriInfo uri, HttpHeaders headers) {
        String prefix = headers.getHeaderString("X-Forwarded-Prefix");
        if (prefix == null || prefix.isBlank() || !prefix.trim().matches("/?[A-Za-z0-9._~/-]+")) {
            return "";
        }
        prefix = trim(prefix.trim().startsWith("/") ? prefix.trim() : "/" + prefix.trim());
        // Quarkus may already have applied the prefix to the path (quarkus.http.proxy.enable-forwarded-prefix).
        return uri.getRequestUri().getRawPath().startsWith(prefix + "/") ? "" : prefix;
    }

    private static String trim(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
