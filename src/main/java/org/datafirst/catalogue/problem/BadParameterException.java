package org.datafirst.catalogue.problem;

import java.util.List;

/** A query or path parameter has a value the API cannot use. */
public class BadParameterException extends CatalogueException {

    public BadParameterException(String parameter, String message) {
        super(
                ProblemType.BAD_PARAMETER,
                "Parameter '" + parameter + "' " + message,
                List.of(ProblemError.at(parameter, message)));
    }
}
