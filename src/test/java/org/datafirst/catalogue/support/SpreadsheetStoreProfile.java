package org.datafirst.catalogue.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The spreadsheet import tests' own PostgreSQL schema, loaded from catalogue-sources at start-up,
 * so imports that make releases never disturb the catalogue other tests read.
 */
public class SpreadsheetStoreProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new java.util.HashMap<>(IsolatedStoreProfile.ownSchema("spreadsheets"));
        overrides.put("catalogue.spreadsheets.max-rows", "2000");
        return overrides;
    }
}
