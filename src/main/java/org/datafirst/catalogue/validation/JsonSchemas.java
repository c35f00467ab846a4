package org.datafirst.catalogue.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.datafirst.catalogue.problem.ProblemError;

/**
 * JSON Schema (draft 2020-12) validation of documents against schemas bundled on the classpath,
 * reporting every violation with a JSON pointer.
 */
public final class JsonSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(
                            "https://datafirst.example/catalogue-sources/schema/",
                            "classpath:catalogue-sources/schema/")
                    .mapPrefix("https://datafirst.example/schemas/", "classpath:linkagequality/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .locale(Locale.UK)
            .build();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    public static final String DATASET = "https://datafirst.example/catalogue-sources/schema/dataset.schema.json";
    public static final String LOOKUP = "https://datafirst.example/catalogue-sources/schema/lookup.schema.json";
    /** What the linkage module publishes: openapi/linkage-quality-report.schema.json, bundled by the build. */
    public static final String LINKAGE_QUALITY_REPORT =
            "https://datafirst.example/schemas/linkage-quality-report.schema.json";

    private JsonSchemas() {}

    /** Every violation of the schema, located at {@code location} plus a JSON pointer, in document order. */
    public static List<ProblemError> validate(String schemaUri, JsonNode document, String location) {
        JsonSchema schema = CACHE.computeIfAbsent(schemaUri, uri -> FACTORY.getSchema(SchemaLocation.of(uri), CONFIG));
        return schema.validate(document).stream()
                .sorted(Comparator.comparing(
                                (ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getMessage))
                .map(m -> new ProblemError(location, m.getInstanceLocation().toString(), m.getError()))
                .toList();
    }
}
