package org.datafirst.linkage.pipeline;

/** Bad input data, with one line naming the file, row and column where known. */
public class InputDataException extends RuntimeException {
    public InputDataException(String message) {
        super(message);
    }

    public InputDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
