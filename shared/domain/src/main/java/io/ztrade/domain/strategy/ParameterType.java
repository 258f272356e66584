package io.ztrade.domain.strategy;

/** The JSON type a strategy parameter takes. */
public enum ParameterType {
    /** A whole number within {@code int} range; JSON {@code 10} or {@code 10.0}, never {@code 10.5} or {@code "10"}. */
    INT("int"),
    /** Any finite JSON number. */
    DECIMAL("decimal");

    private final String id;

    ParameterType(String id) {
        this.id = id;
    }

    /** The name used in docs and descriptors: {@code int} or {@code decimal}. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
