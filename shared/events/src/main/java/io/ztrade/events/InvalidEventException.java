package io.ztrade.events;

/**
 * An event, or its data, is not acceptable. {@link #field()} names what is wrong: a CloudEvent
 * attribute ({@code id}, {@code type}, ...) or a path into the data ({@code initialCapital},
 * {@code params.fast}, {@code grid.slow[1]}).
 */
public class InvalidEventException extends RuntimeException {

    private final String field;

    public InvalidEventException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public InvalidEventException(String field, String message, Throwable cause) {
        super(field + ": " + message, cause);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The message without the field prefix. */
    public String reason() {
        String m = getMessage();
        return m.substring(field.length() + 2);
    }
}
