package io.ztrade.orderbook.engine;

/** Order type as carried by {@link OrderBookEvent.Accepted}. */
public enum OrderType {
    /** Trades at its limit price or better; may rest on the book (GTC). */
    LIMIT,
    /** Trades against the book at any price (or up to a protection price) and never rests. */
    MARKET
}
