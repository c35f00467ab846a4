package org.datafirst.catalogue.problem;

import java.util.List;

/** The client's If-Match (or If-None-Match: *) does not hold for the resource's current state. */
public class PreconditionFailedException extends CatalogueException {

    public PreconditionFailedException(String detail) {
        super(ProblemType.PRECONDITION_FAILED, detail, List.of(ProblemError.at("If-Match", detail)));
    }
}
