package io.ztrade.domain.strategy;

/** A strategy parameter is missing, of the wrong type, or out of range. {@link #field()} names it. */
public final class InvalidParameterException extends IllegalArgumentException {

    private final String field;

    public InvalidParameterException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The offending parameter, e.g. {@code slow}. */
    public String field() {
        return field;
    }
}
