package org.datafirst.linkage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;

/** The module's JSON Schemas (settings, report, pipeline file) as the tests validate against them. */
public final class TestSchemas {

    public static final String REPORT = "/linkage-quality-report.schema.json";

    private TestSchemas() {}

    public static JsonSchema load(String resource) throws IOException {
        try (InputStream in = TestSchemas.class.getResourceAsStream(resource)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(new ObjectMapper().readTree(in));
        }
    }

    public static JsonSchema report() throws IOException {
        return load(REPORT);
    }
}
