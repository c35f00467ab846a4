package org.datafirst.catalogue.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.datafirst.catalogue.config.CatalogueConfig;

/**
 * Where the service is, as clients see it. Quarkus applies X-Forwarded-Proto/Host from trusted
 * proxies (see quarkus.http.proxy.* in application.properties) to the request URI; X-Forwarded-Prefix
 * (the path a proxy mounts the service under) is added here, so links stay correct behind a proxy.
 *
 * <p>Minted URIs (datasets, releases, lookups, HDR UK identifiers) never follow the request: they
 * use catalogue.base-uri, or else the canonical base, the public base of the first request that
 * needed one, stored in PostgreSQL (table canonical_base) so that it survives restarts and is
 * shared by replicas. A harvester reaching the service under another host name sees the same URIs.
 */
@ApplicationScoped
public class PublicBase {

    @Inject
    CatalogueConfig config;

    @Inject
    DataSource store;

    /** The stored canonical base once read; it never changes while the row exists. */
    private volatile String canonical;

    /** Base of minted, stable URIs: catalogue.base-uri, else the canonical base (first seen, persisted). */
    public String uris(UriInfo uri, HttpHeaders headers) {
        return config.baseUri()
                .filter(base -> !base.isBlank())
                .map(PublicBase::trim)
                .orElseGet(() -> canonical(uri, headers));
    }

    private String canonical(UriInfo uri, HttpHeaders headers) {
        String known = canonical;
        if (known == null) {
            known = firstSeen(request(uri, headers));
            canonical = known;
        }
        return known;
    }

    /** Stores the candidate unless a base is stored already, and returns the stored one. */
    private String firstSeen(String candidate) {
        try (Connection connection = store.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into canonical_base (base) values (?) on conflict do nothing")) {
                insert.setString(1, candidate);
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement("select base from canonical_base");
                    ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read or store the canonical base of minted URIs", e);
        }
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
        // Quarkus sets this header itself (quarkus.http.proxy.enable-trusted-proxy-header), replacing
        // any a client sends; the prefix, like the other forwarded headers, counts only from a trusted proxy.
        if (!"true".equals(headers.getHeaderString("X-Forwarded-Trusted-Proxy"))) {
            return "";
        }
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
