package org.datafirst.catalogue.problem;

import java.util.List;

/** A request address longer than the service reads. */
public class UriTooLongException extends CatalogueException {

    public UriTooLongException(int length, int limit) {
        super(
                ProblemType.URI_TOO_LONG,
                "The web address has " + length + " characters; at most " + limit + " are read",
                List.of(ProblemError.at("uri", "longer than " + limit + " characters")));
    }
}
