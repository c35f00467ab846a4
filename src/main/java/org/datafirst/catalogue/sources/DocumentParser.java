package org.datafirst.catalogue.sources;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.List;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.catalogue.document.LookupDocument;
import org.datafirst.catalogue.catalogue.document.TextRules;
import org.datafirst.catalogue.config.Json;
import org.datafirst.catalogue.problem.InvalidDocumentException;
import org.datafirst.catalogue.problem.PayloadTooLargeException;
import org.datafirst.catalogue.problem.ProblemError;
import org.datafirst.catalogue.validation.JsonSchemas;

/**
 * Reads YAML (or JSON, which is YAML) source documents: parse, validate against the bundled JSON
 * Schema, then bind to the document records. Every failure names the file and the field path.
 */
public final class DocumentParser {

    private DocumentParser() {}

    public static DatasetDocument dataset(byte[] content, String location) {
        return dataset(tree(Json.STRICT_YAML_TREE, "YAML", content, location), location);
    }

    /** A dataset document already parsed, e.g. a JSON request body or a patched document. */
    public static DatasetDocument dataset(JsonNode tree, String location) {
        validate(JsonSchemas.DATASET, tree, location);
        return bind(tree, DatasetDocument.class, location);
    }

    /**
     * A request body: at most {@code limit} bytes (413 otherwise) of strict JSON (no YAML, no
     * duplicate keys, errors with line and column).
     */
    public static JsonNode json(byte[] content, String location, long limit) {
        if (content.length > limit) {
            throw new PayloadTooLargeException(content.length, limit);
        }
        return tree(Json.STRICT_TREE, "JSON", content, location);
    }

    public static LookupDocument lookup(byte[] content, String location) {
        JsonNode tree = tree(Json.STRICT_YAML_TREE, "YAML", content, location);
        validate(JsonSchemas.LOOKUP, tree, location);
        return bind(tree, LookupDocument.class, location);
    }

    private static JsonNode tree(ObjectReader reader, String format, byte[] content, String location) {
        try {
            JsonNode tree = reader.readTree(content);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw invalid(location, "", "is empty");
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw invalid(location, "", "is not valid " + format + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid(location, "", "could not be read: " + e.getMessage());
        }
    }

    private static void validate(String schema, JsonNode tree, String location) {
        List<ProblemError> errors = TextRules.unstorableCharacters(tree, location);
        if (errors.isEmpty()) {
            errors = JsonSchemas.validate(schema, tree, location);
        }
        if (!errors.isEmpty()) {
            throw new InvalidDocumentException(location, errors);
        }
    }

    private static <T> T bind(JsonNode tree, Class<T> type, String location) {
        try {
            return Json.STRICT_BINDING.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            // The schema admits it but the value does not bind, e.g. the date 2023-02-30.
            String pointer = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                    ? pointer(mapping.getPath())
                    : "";
            throw invalid(location, pointer, e.getOriginalMessage());
        }
    }

    private static String pointer(List<com.fasterxml.jackson.databind.JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (var reference : path) {
            pointer.append('/')
                    .append(reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex());
        }
        return pointer.toString();
    }

    private static InvalidDocumentException invalid(String location, String pointer, String message) {
        return new InvalidDocumentException(location, List.of(new ProblemError(location, pointer, message)));
    }
}
