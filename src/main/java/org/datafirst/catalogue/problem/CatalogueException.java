package org.datafirst.catalogue.problem;

import java.util.List;

/** A domain failure that the API reports as a problem; services throw subclasses of this. */
public abstract class CatalogueException extends RuntimeException {

    private final ProblemType type;
    private final List<ProblemError> errors;

    protected CatalogueException(ProblemType type, String detail, List<ProblemError> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public List<ProblemError> errors() {
        return errors;
    }
}
