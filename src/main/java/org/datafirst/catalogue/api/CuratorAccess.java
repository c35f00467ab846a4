package org.datafirst.catalogue.api;

import io.quarkus.security.identity.SecurityIdentity;

/** The curator a write is recorded under. (Who may read drafts is decided by CatalogueService.) */
final class CuratorAccess {

    private CuratorAccess() {}

    static String actor(SecurityIdentity identity) {
        return identity.getPrincipal().getName();
    }
}
