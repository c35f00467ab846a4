package org.datafirst.catalogue.catalogue.document;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record VariableDocument(
        String name,
        String label,
        String description,
        String type,
        String format,
        String qualityNotes,
        Boolean sensitive,
        String identifierRole,
        String lookup,
        String source,
        String confidence,
        String evidence) {

    public VariableDocument {
        sensitive = Boolean.TRUE.equals(sensitive);
        type = type == null ? "unknown" : type;
    }
}
