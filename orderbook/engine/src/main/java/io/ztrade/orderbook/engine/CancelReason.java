package io.ztrade.orderbook.engine;

/** Why an order (or the remainder of one) left the book without trading. */
public enum CancelReason {
    /** The owner cancelled it. */
    USER,
    /** The unfilled remainder of an immediate-or-cancel order. */
    IOC_REMAINDER,
    /** A fill-or-kill order that the book could not fill completely. */
    FILL_OR_KILL,
    /** Self-trade prevention: the resting order of the same account, or the incoming remainder. */
    SELF_TRADE,
    /** The unfilled remainder of a market order (book exhausted or protection price reached). */
    MARKET_REMAINDER
}
