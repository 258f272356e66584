package io.ztrade.orderbook.engine;

/** Side of an order: a buyer bids, a seller asks. */
public enum Side {
    /** Bid: wants to buy at the limit price or lower. */
    BUY,
    /** Ask: wants to sell at the limit price or higher. */
    SELL;

    /** The side this one trades against. */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
