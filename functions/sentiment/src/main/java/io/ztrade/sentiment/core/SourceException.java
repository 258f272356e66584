package io.ztrade.sentiment.core;

/** A source failed or answered something that is not its documented shape: it is missing from this run. */
public class SourceException extends RuntimeException {
    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
