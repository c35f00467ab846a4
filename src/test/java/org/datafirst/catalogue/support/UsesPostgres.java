package org.datafirst.catalogue.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the PostgreSQL test resource for every @QuarkusTest of the run. */
@QuarkusTestResource(PostgresResource.class)
public final class UsesPostgres {
    private UsesPostgres() {}
}
