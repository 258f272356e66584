package io.ztrade.domain.trading;

/**
 * An agent definition is invalid. {@link #file()} names the file, {@link #field()} the field (dotted
 * for nested ones, e.g. {@code params.fast}); both are in the message.
 */
public final class InvalidAgentException extends IllegalArgumentException {

    private final String file;
    private final String field;
    private final String reason;

    public InvalidAgentException(String file, String field, String reason) {
        super(file + ": " + field + ": " + reason);
        this.file = file;
        this.field = field;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public String field() {
        return field;
    }

    /** The message without file and field. */
    public String reason() {
        return reason;
    }
}
