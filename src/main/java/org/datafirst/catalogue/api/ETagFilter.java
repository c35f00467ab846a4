package org.datafirst.catalogue.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.charset.StandardCharsets;
import org.datafirst.catalogue.catalogue.ContentHash;
import org.datafirst.catalogue.http.EntityTags;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Strong ETags for every successful GET: the hash of the exact bytes sent, unless the resource set
 * a tag that is a function of the same state (see ReleaseQueries.datasetTag). A request whose
 * If-None-Match names the current tag gets 304 with no body. Clients revalidate every time
 * (Cache-Control: no-cache), so a new release is seen at once.
 */
public class ETagFilter {

    @Inject
    ObjectMapper json;

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        String method = request.getMethod();
        if (!("GET".equals(method) || "HEAD".equals(method)) || response.getStatus() != 200 || !response.hasEntity()) {
            return;
        }
        // A resource may set its own tag (a dataset's, which writes check in If-Match); otherwise the body's hash.
        String etag = response.getHeaderString(HttpHeaders.ETAG);
        boolean streamed = response.getEntity() instanceof StreamingOutput;
        if (etag == null && streamed) {
            return; // never held whole, so never hashed
        }
        byte[] body = streamed ? null : bytes(response.getEntity(), response.getMediaType());
        if (etag == null) {
            etag = EntityTags.quote(ContentHash.sha256(body).substring(0, 32));
            response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        }
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-cache");
        }
        if (EntityTags.weakMatch(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(304);
            response.setEntity(null);
        } else if (!streamed) {
            response.setEntity(body, new java.lang.annotation.Annotation[0], response.getMediaType());
        }
    }

    private byte[] bytes(Object entity, MediaType mediaType) throws JsonProcessingException {
        if (entity instanceof byte[] raw) {
            return raw;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return json.writeValueAsBytes(entity);
    }
}
