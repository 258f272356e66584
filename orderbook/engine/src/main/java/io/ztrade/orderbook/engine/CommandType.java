package io.ztrade.orderbook.engine;

/** The kind of command a {@link OrderBookEvent.Rejected} event refers to. */
public enum CommandType {
    /** A new limit or market order. */
    PLACE,
    /** A cancel of a resting order. */
    CANCEL,
    /** A price or quantity change of a resting order. */
    AMEND
}
