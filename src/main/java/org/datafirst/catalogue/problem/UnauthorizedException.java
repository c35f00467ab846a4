package org.datafirst.catalogue.problem;

import java.util.List;

/** The request lacks the credentials an endpoint requires (e.g. the Gateway's API key). */
public class UnauthorizedException extends CatalogueException {

    public UnauthorizedException(String detail) {
        super(ProblemType.UNAUTHORIZED, detail, List.of());
    }
}
