package org.datafirst.catalogue.problem;

import java.util.List;

/** An upload, or what it unpacks to, is larger than the configured limit. */
public class UploadTooLargeException extends CatalogueException {

    public UploadTooLargeException(String file, String message) {
        super(
                ProblemType.UPLOAD_TOO_LARGE,
                file + ": " + message + " Nothing was imported.",
                List.of(ProblemError.at(file, message)));
    }
}
