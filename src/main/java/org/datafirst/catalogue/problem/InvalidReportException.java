package org.datafirst.catalogue.problem;

import java.util.List;
import java.util.stream.Collectors;

/** A linkage-quality report broke its schema, or published a count that disclosure control forbids. */
public class InvalidReportException extends CatalogueException {

    public InvalidReportException(ProblemType type, List<ProblemError> errors) {
        super(
                type,
                "The report has " + errors.size() + (errors.size() == 1 ? " error: " : " errors: ")
                        + errors.stream().limit(3).map(ProblemError::toString).collect(Collectors.joining("; "))
                        + (errors.size() > 3 ? "; …" : ""),
                errors);
    }
}
