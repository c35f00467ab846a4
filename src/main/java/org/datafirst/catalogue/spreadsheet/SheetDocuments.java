package org.datafirst.catalogue.spreadsheet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.catalogue.document.DocumentRules;
import org.datafirst.catalogue.config.Json;
import org.datafirst.catalogue.problem.InvalidSpreadsheetException;
import org.datafirst.catalogue.problem.ProblemError;
import org.datafirst.catalogue.validation.JsonSchemas;

/**
 * A document tree read from sheets → a checked dataset document: the dataset JSON Schema, binding,
 * then the document rules, with every error reported at its cell. All errors at once, or none.
 */
final class SheetDocuments {

    private SheetDocuments() {}

    /** A document as the tree that {@link #check} takes, as readers that start from a release build it. */
    static JsonNode tree(DatasetDocument document) {
        return Json.MAPPER.valueToTree(document);
    }

    static DatasetDocument check(JsonNode tree, SheetLocations locations, List<ProblemError> readErrors, String file) {
        List<ProblemError> errors = new ArrayList<>(readErrors);
        errors.addAll(locations.locate(JsonSchemas.validate(JsonSchemas.DATASET, tree, file)));
        if (!errors.isEmpty()) {
            throw new InvalidSpreadsheetException(file, errors);
        }
        DatasetDocument document;
        try {
            document = Json.STRICT_BINDING.treeToValue(tree, DatasetDocument.class);
        } catch (JsonProcessingException e) {
            String pointer = e instanceof JsonMappingException mapping ? pointer(mapping.getPath()) : "";
            throw new InvalidSpreadsheetException(file, List.of(locations.locate(pointer, e.getOriginalMessage())));
        }
        // Lookups of an upload are all in the document: none come from shared files.
        errors.addAll(locations.locate(DocumentRules.check(document, Map.of(), file)));
        if (!errors.isEmpty()) {
            throw new InvalidSpreadsheetException(file, errors);
        }
        return document;
    }

    private static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (var reference : path) {
            pointer.append('/')
                    .append(reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex());
        }
        return pointer.toString();
    }
}
