package org.datafirst.catalogue.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The tests' PostgreSQL: the server named by CATALOGUE_TEST_DB_URL (with _USER and _PASSWORD) when
 * given, otherwise a real embedded PostgreSQL started for the test run in a fresh data folder.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        String url = System.getenv("CATALOGUE_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return Map.of("quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", System.getenv().getOrDefault("CATALOGUE_TEST_DB_USER", "postgres"),
                    "quarkus.datasource.password", System.getenv().getOrDefault("CATALOGUE_TEST_DB_PASSWORD", "postgres"));
        }
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests; "
                    + "set CATALOGUE_TEST_DB_URL to use a running server", e);
        }
        return Map.of("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
