package org.datafirst.catalogue.problem;

import java.util.List;

/** A request refused for now (a client over its rate, or all readers busy); it may be retried after a wait. */
public class TooManyRequestsException extends CatalogueException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String detail, long retryAfterSeconds) {
        super(ProblemType.TOO_MANY_REQUESTS, detail, List.of());
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds to wait before trying again (the Retry-After header). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
