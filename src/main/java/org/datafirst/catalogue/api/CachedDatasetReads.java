package org.datafirst.catalogue.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.datafirst.catalogue.catalogue.CurrentReleases;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Answers {@code GET /api/v1/datasets/{id}} on the event loop when this replica already holds the answer:
 * its map of current releases is live and the current release's JSON was made before. That is a map lookup
 * and a cached body, so taking a worker thread (a hand-over between threads on every read, most of the cost
 * of a read on two cores) buys nothing. Anything else — the map down, an unknown dataset, a body not yet
 * made — goes on to {@link DatasetResource#get} on a worker thread, which may ask PostgreSQL. The response
 * filters run either way, so If-None-Match gets its 304 here too ({@link ETagFilter}).
 */
public class CachedDatasetReads {

    @Inject
    CurrentReleases currentReleases;

    @Inject
    ReleaseRepresentations representations;

    // Quarkus requires non-blocking filters to run before all others: the pre-matching filters (request guards,
    // heartbeat, upload admission) are non-blocking too, and run on the event loop as they always did.
    @ServerRequestFilter(nonBlocking = true, priority = 1)
    public Response serveFromMemory(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (resource.getResourceClass() != DatasetResource.class
                || !DatasetResource.GET_DATASET.equals(resource.getMethodName())
                || !HttpMethod.GET.equals(request.getMethod())) {
            return null;
        }
        Optional<CurrentReleases.Current> current =
                currentReleases.known(request.getUriInfo().getPathParameters().getFirst("id"));
        if (current.isEmpty() || current.get().releaseId() == null) {
            return null;
        }
        byte[] body = representations.cached(
                ReleaseRepresentations.DATASET, current.get().releaseId());
        return body == null ? null : DatasetResource.dataset(body, current.get().tag());
    }
}
