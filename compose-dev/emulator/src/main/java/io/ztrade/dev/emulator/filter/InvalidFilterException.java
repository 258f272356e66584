package io.ztrade.dev.emulator.filter;

/** A Trigger's filter cannot be compiled; {@link #path()} names the offending field. */
public final class InvalidFilterException extends RuntimeException {

    private final String path;

    public InvalidFilterException(String path, String message, Throwable cause) {
        super(path + ": " + message, cause);
        this.path = path;
    }

    public InvalidFilterException(String path, String message) {
        this(path, message, null);
    }

    public String path() {
        return path;
    }
}
