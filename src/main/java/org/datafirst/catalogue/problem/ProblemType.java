package org.datafirst.catalogue.problem;

/**
 * The one table of problem types the API can answer with (RFC 9457). The {@code type} URI is
 * stable: clients may switch on it. Relative URIs resolve against the service's base URL.
 */
public enum ProblemType {
    NOT_FOUND(404, "not-found", "Resource not found"),
    BAD_PARAMETER(400, "bad-parameter", "Invalid request parameter"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    INVALID_SOURCE(422, "invalid-source", "Invalid catalogue source"),
    INVALID_SPREADSHEET(422, "invalid-spreadsheet", "Invalid spreadsheet"),
    UPLOAD_TOO_LARGE(413, "upload-too-large", "Upload too large"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    BAD_REQUEST(400, "bad-request", "Bad request"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    CONFLICT(409, "conflict", "Conflict with the current state"),
    PRECONDITION_FAILED(412, "precondition-failed", "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
    URI_TOO_LONG(414, "uri-too-long", "Web address too long"),
    PRECONDITION_REQUIRED(428, "precondition-required", "Precondition required"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    DISCLOSURE(422, "disclosure-control", "Disclosure control violated"),
    INVALID_REPORT(422, "invalid-report", "Invalid linkage-quality report"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable"),
    INTERNAL(500, "internal-error", "Internal server error");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return "/problems/" + slug;
    }

    public String title() {
        return title;
    }
}
