package org.datafirst.catalogue.problem;

import java.util.List;

/** A request body is larger than the configured limit. */
public class PayloadTooLargeException extends CatalogueException {

    public PayloadTooLargeException(long size, long limit) {
        super(
                ProblemType.PAYLOAD_TOO_LARGE,
                "The request body has " + size + " bytes; at most " + limit + " are accepted",
                List.of(ProblemError.at("body", "larger than " + limit + " bytes")));
    }
}
