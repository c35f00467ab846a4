package org.datafirst.catalogue.dcat;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A request for a page of the catalogue.
 *
 * @param requestUri the absolute URI the client used (after X-Forwarded-* are applied): paging
 *     links repeat it with other page numbers, so they keep the format and the filters
 * @param base public base of minted URIs (configured, or the request's)
 * @param modifiedSince only datasets whose current release was made at or after this instant
 */
public record CatalogRequest(URI requestUri, String base, Optional<OffsetDateTime> modifiedSince, int page, int size) {}
