package org.datafirst.catalogue.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The service's one JSON configuration: dates as ISO 8601 text, absent fields left out. The REST layer's
 * mapper (Quarkus's, injected as {@code ObjectMapper}) gets it through this customizer; code without
 * injection uses {@link #MAPPER}. The few deliberate variants are made from it here, each named for why.
 */
@Singleton
public class Json implements ObjectMapperCustomizer {

    /** Documents, trees and responses. */
    public static final ObjectMapper MAPPER = configure(new JsonMapper());

    /**
     * Every field, null ones too: trees that compare two documents field by field or lay every field out
     * (diffs, spreadsheet rows), and the content hash.
     */
    public static final ObjectMapper EVERY_FIELD = MAPPER.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);

    /**
     * Canonical JSON for content hashes (ContentHash): every field, map keys sorted. A change here would
     * change every release's hash, and the next load would make a new release of every dataset
     * (ContentHashStabilityTest).
     */
    public static final ObjectWriter CANONICAL =
            EVERY_FIELD.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** Source files, request bodies: a key given twice is an error, not the last one winning. */
    public static final ObjectReader STRICT_TREE = MAPPER.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** YAML source files, with the same rule. */
    public static final ObjectReader STRICT_YAML_TREE =
            configure(new YAMLMapper()).reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Binding a checked document to its record: a field the record does not know is an error. */
    public static final ObjectReader STRICT_BINDING =
            MAPPER.reader().with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    private static <M extends ObjectMapper> M configure(M mapper) {
        mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        return mapper;
    }
}
