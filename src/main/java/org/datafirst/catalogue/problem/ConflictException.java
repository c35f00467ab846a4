package org.datafirst.catalogue.problem;

import java.util.List;

/** The request cannot apply to the resource's current state, e.g. publishing a release twice. */
public class ConflictException extends CatalogueException {

    public ConflictException(String detail) {
        super(ProblemType.CONFLICT, detail, List.of());
    }
}
