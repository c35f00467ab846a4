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
        return emptyStore("isolated");
    }

    /** The settings for a store in its own PostgreSQL schema with nothing loaded at start-up. */
    public static Map<String, String> emptyStore(String schema) {
        Map<String, String> overrides = new java.util.HashMap<>(ownSchema(schema));
        overrides.put("catalogue.sources.load-on-startup", "false");
        return overrides;
    }

    /** The settings that put a test profile's store in its own PostgreSQL schema. */
    public static Map<String, String> ownSchema(String schema) {
        return Map.of(
                "quarkus.datasource.jdbc.additional-jdbc-properties.currentSchema", schema,
                "quarkus.flyway.schemas", schema,
                "quarkus.flyway.default-schema", schema);
    }
}
