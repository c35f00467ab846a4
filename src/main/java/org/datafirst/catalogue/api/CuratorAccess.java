package org.datafirst.catalogue.api;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import org.datafirst.catalogue.security.Roles;

/** For reads that are public except for drafts: demands a curator only when a draft is asked for. */
final class CuratorAccess {

    private CuratorAccess() {
    }

    static void require(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!identity.hasRole(Roles.CURATOR)) {
            throw new ForbiddenException();
        }
    }

    static String actor(SecurityIdentity identity) {
        return identity.getPrincipal().getName();
    }
}
