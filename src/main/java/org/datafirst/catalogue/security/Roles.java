package org.datafirst.catalogue.security;

/** Roles a bearer token can carry in its {@code groups} claim. */
public final class Roles {

    /** May write: reload sources, create and edit datasets, publish releases and linkage-quality reports. */
    public static final String CURATOR = "curator";

    private Roles() {
    }
}
