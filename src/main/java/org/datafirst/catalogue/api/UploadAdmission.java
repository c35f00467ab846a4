package org.datafirst.catalogue.api;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.regex.Pattern;
import org.datafirst.catalogue.security.Roles;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Decides on a dictionary upload before its body is read (a pre-matching filter runs before the
 * multipart form is parsed): an import without a curator token hears 401 (403 without the role)
 * at once, and an anonymous dry run spends one of its address's dry runs or hears 429.
 */
public class UploadAdmission {

    private static final Pattern UPLOAD = Pattern.compile("/?api/v1/datasets/[^/]+/dictionary/?");

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    DryRunLimiter limiter;

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    public Uni<Void> admit(ContainerRequestContext request, HttpServerRequest http) {
        if (!"POST".equals(request.getMethod())
                || !UPLOAD.matcher(request.getUriInfo().getPath()).matches()) {
            return Uni.createFrom().voidItem();
        }
        boolean dryRun = "true"
                .equalsIgnoreCase(request.getUriInfo().getQueryParameters().getFirst("dryRun"));
        if (!dryRun) {
            return identities
                    .getDeferredIdentity()
                    .invoke(Roles::requireCurator)
                    .replaceWithVoid();
        }
        // A token that does not verify makes a dry run anonymous, as it is without one.
        return identities
                .getDeferredIdentity()
                .onFailure()
                .recoverWithNull()
                .invoke(identity -> {
                    if (identity == null || identity.isAnonymous()) {
                        limiter.admit(http.remoteAddress().hostAddress());
                    }
                })
                .replaceWithVoid();
    }
}
