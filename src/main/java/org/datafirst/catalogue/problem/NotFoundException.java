package org.datafirst.catalogue.problem;

import java.util.List;

/** A named thing (dataset, table, variable, lookup, release) does not exist. */
public class NotFoundException extends CatalogueException {

    public NotFoundException(String what, String id) {
        super(ProblemType.NOT_FOUND, "No " + what + " with id '" + id + "'", List.of());
    }

    public NotFoundException(String detail) {
        super(ProblemType.NOT_FOUND, detail, List.of());
    }
}
