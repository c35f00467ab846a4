package org.datafirst.catalogue.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs a test class against its own PostgreSQL schema with nothing loaded at start-up, so it can
 * make releases without disturbing the catalogue the API tests read.
 */
public class IsolatedStoreProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.jdbc.additional-jdbc-properties.currentSchema", "isolated",
                "quarkus.flyway.schemas", "isolated",
                "quarkus.flyway.default-schema", "isolated",
                "catalogue.sources.load-on-startup", "false");
    }
}
