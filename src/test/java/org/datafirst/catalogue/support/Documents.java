package org.datafirst.catalogue.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Dataset documents as JSON request bodies, from the loader tests' small valid dataset. */
public final class Documents {

    private static final ObjectMapper YAML = new YAMLMapper();

    private Documents() {}

    public static ObjectNode dataset(String id) {
        try {
            return (ObjectNode) YAML.readTree(SourceFiles.dataset(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode json(String text) {
        try {
            return (ObjectNode) new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
