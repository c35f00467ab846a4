package org.datafirst.catalogue.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * The API tests' own store, loaded at start-up from the small fixture catalogue in
 * src/test/resources/api/catalogue-sources (loaded the way catalogue-sources/ is), so that what
 * they assert does not change when a real dataset is added.
 */
public class ApiCatalogueProfile implements QuarkusTestProfile {

    public static final String SOURCES = "src/test/resources/api/catalogue-sources";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(IsolatedStoreProfile.ownSchema("api"));
        overrides.put("catalogue.sources.path", SOURCES);
        return overrides;
    }
}
