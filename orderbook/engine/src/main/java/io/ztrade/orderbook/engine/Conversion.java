package io.ztrade.orderbook.engine;

import java.util.Objects;

/**
 * Result of converting a decimal string to ticks or lots: either {@link ResultCode#SUCCESS} with
 * the value, or a failure code with value {@code 0}. Never thrown, always returned.
 *
 * @param code  {@link ResultCode#SUCCESS} or why the input was refused
 * @param value ticks or lots when successful, otherwise {@code 0}
 */
public record Conversion(ResultCode code, long value) {

    /** Checks that a failure carries no value. */
    public Conversion {
        Objects.requireNonNull(code, "code");
        if (!code.isSuccess() && value != 0) {
            throw new IllegalArgumentException("a failed conversion carries no value");
        }
    }

    /** A successful conversion. */
    public static Conversion of(long value) {
        return new Conversion(ResultCode.SUCCESS, value);
    }

    /** A failed conversion. */
    public static Conversion failed(ResultCode code) {
        return new Conversion(code, 0);
    }

    /** Whether the conversion succeeded. */
    public boolean ok() {
        return code.isSuccess();
    }
}
