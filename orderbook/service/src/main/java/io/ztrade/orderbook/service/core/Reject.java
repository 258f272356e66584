package io.ztrade.orderbook.service.core;

import io.ztrade.orderbook.engine.ResultCode;
import java.util.Objects;

/**
 * Why a command was refused: a stable {@code code} (an engine {@link ResultCode} name or one of the
 * service's own codes below), the offending {@code field} and a sentence for people.
 *
 * @param code    e.g. {@code PRICE_OFF_TICK}, {@code UNKNOWN_SYMBOL}
 * @param field   the request field at fault, e.g. {@code price}
 * @param message what is wrong with it
 */
public record Reject(String code, String field, String message) {

    /** The command is incomplete or malformed (missing field, unknown field, bad enum value). */
    public static final String INVALID_REQUEST = "INVALID_REQUEST";
    /** The record is not an {@code io.ztrade.order.requested} CloudEvent. */
    public static final String UNSUPPORTED_EVENT = "UNSUPPORTED_EVENT";
    /** The symbol is not a configured instrument. */
    public static final String UNKNOWN_SYMBOL = "UNKNOWN_SYMBOL";
    /** The account already used this clientOrderId. */
    public static final String DUPLICATE_CLIENT_ORDER_ID = "DUPLICATE_CLIENT_ORDER_ID";
    /** The record is on another partition than the one its symbol hashes to. */
    public static final String WRONG_PARTITION = "WRONG_PARTITION";

    public Reject {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** {@code field: message}, as published in {@code io.ztrade.order.rejected}. */
    public String reason() {
        return field + ": " + message;
    }

    static Reject of(ResultCode code, String field, String message) {
        return new Reject(code.name(), field, message);
    }
}
