package org.datafirst.catalogue.problem;

import java.util.List;
import java.util.stream.Collectors;

/** A dictionary document (source file, upload or request body) broke its schema or rules. */
public class InvalidDocumentException extends CatalogueException {

    public InvalidDocumentException(String what, List<ProblemError> errors) {
        super(
                ProblemType.INVALID_SOURCE,
                what + " has " + errors.size() + (errors.size() == 1 ? " error: " : " errors: ")
                        + errors.stream().limit(3).map(ProblemError::toString).collect(Collectors.joining("; "))
                        + (errors.size() > 3 ? "; …" : ""),
                errors);
    }
}
