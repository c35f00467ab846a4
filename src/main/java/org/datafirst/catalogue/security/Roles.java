package org.datafirst.catalogue.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** Roles a bearer token can carry in its {@code groups} claim. */
public final class Roles {

    /** May write: reload sources, create and edit datasets, publish releases and linkage-quality reports. */
    public static final String CURATOR = "curator";

    private Roles() {}

    /** For checks made in code rather than by {@code @RolesAllowed}: 401 without a token, 403 without the role. */
    public static void requireCurator(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!identity.hasRole(CURATOR)) {
            throw new ForbiddenException();
        }
    }
}
