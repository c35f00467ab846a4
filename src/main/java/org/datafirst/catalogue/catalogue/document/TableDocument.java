package org.datafirst.catalogue.catalogue.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record TableDocument(
        String name, String grain, String description, String source, List<VariableDocument> variables) {

    public TableDocument {
        variables = DatasetDocument.listOrEmpty(variables);
    }
}
