package org.datafirst.linkage.pipeline;

/** A pipeline step failed (SQL error, I/O). */
public class PipelineException extends RuntimeException {
    public PipelineException(String message, Throwable cause) {
        super(message, cause);
    }

    public PipelineException(String message) {
        super(message);
    }
}
