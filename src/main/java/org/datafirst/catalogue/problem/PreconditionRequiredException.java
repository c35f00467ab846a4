package org.datafirst.catalogue.problem;

import java.util.List;

/** A write on an existing resource came without If-Match. */
public class PreconditionRequiredException extends CatalogueException {

    public PreconditionRequiredException(String detail) {
        super(ProblemType.PRECONDITION_REQUIRED, detail, List.of(ProblemError.at("If-Match", "header is required")));
    }
}
