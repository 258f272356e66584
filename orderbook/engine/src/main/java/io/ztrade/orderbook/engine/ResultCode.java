package io.ztrade.orderbook.engine;

/**
 * Outcome of every command and conversion, grouped by range like exchange-core's
 * {@code CommandResultCode}: {@code 0} success, {@code 1xx} malformed input, {@code 2xx} risk and
 * permission limits, {@code 3xx} matching and order state, {@code 4xx} book state (snapshots).
 *
 * <p>A command that returns anything but {@link #SUCCESS} changed nothing in the book except its
 * event sequence (it emitted one {@link OrderBookEvent.Rejected}). Codes are stable: the service
 * may publish {@link #code()} in its rejection events.
 */
public enum ResultCode {
    /** The command was accepted; its events tell what happened next. */
    SUCCESS(0),

    /** Order id is zero or negative. */
    INVALID_ORDER_ID(101),
    /** Account id is zero or negative. */
    INVALID_ACCOUNT(102),
    /** Side is missing. */
    INVALID_SIDE(103),
    /** Price is zero or negative (or, for a market protection price, negative). */
    INVALID_PRICE(104),
    /** Quantity is zero or negative. */
    INVALID_QUANTITY(105),
    /** Time in force is missing. */
    INVALID_TIME_IN_FORCE(106),
    /** Post-only is only meaningful for a GTC limit order. */
    POST_ONLY_REQUIRES_GTC(107),
    /** A decimal string is empty, not a plain decimal number, NaN or infinite. */
    MALFORMED_NUMBER(110),
    /** A decimal price is not a whole multiple of the tick size. */
    PRICE_OFF_TICK(111),
    /** A decimal quantity is not a whole multiple of the lot size. */
    QUANTITY_OFF_LOT(112),
    /** A decimal value is too large to be represented (in ticks or lots). */
    NUMBER_TOO_LARGE(113),

    /** Price lies outside the instrument's band around its reference price. */
    PRICE_OUTSIDE_BAND(201),
    /** Quantity is below the instrument's minimum order quantity. */
    QUANTITY_BELOW_MIN(202),
    /** Quantity is above the instrument's maximum order quantity. */
    QUANTITY_ABOVE_MAX(203),
    /** The order belongs to another account. */
    ACCOUNT_MISMATCH(204),

    /** The order id is resting on the book or was accepted recently. */
    DUPLICATE_ORDER_ID(301),
    /** No resting order has this id (never placed, already filled or cancelled). */
    UNKNOWN_ORDER(302),
    /** A post-only order (or amend of one) would have traded on arrival. */
    POST_ONLY_WOULD_CROSS(303),
    /** Its first match would have been with the same account and the book rejects the incoming side. */
    SELF_TRADE_PREVENTED(304),

    /** A snapshot was taken from a book of another symbol. */
    SNAPSHOT_SYMBOL_MISMATCH(401),
    /** A snapshot holds orders that this book cannot hold (duplicate ids, off band, crossed, bad quantity). */
    SNAPSHOT_INVALID(402);

    private final int code;

    ResultCode(int code) {
        this.code = code;
    }

    /** The stable numeric code. */
    public int code() {
        return code;
    }

    /** Whether this is {@link #SUCCESS}. */
    public boolean isSuccess() {
        return this == SUCCESS;
    }

    /** Whether the input was malformed ({@code 1xx}). */
    public boolean isValidationError() {
        return code >= 100 && code < 200;
    }

    /** Whether a risk or permission limit refused the command ({@code 2xx}). */
    public boolean isRiskError() {
        return code >= 200 && code < 300;
    }

    /** Whether the order state or the matching rules refused the command ({@code 3xx}). */
    public boolean isMatchingError() {
        return code >= 300 && code < 400;
    }

    /** The code with this number, or {@code null} when there is none. */
    public static ResultCode ofCode(int code) {
        for (ResultCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
