package io.ztrade.orderbook.engine;

/** How long a limit order stays live. */
public enum TimeInForce {
    /** Good till cancelled: the unfilled remainder rests on the book. */
    GTC,
    /** Immediate or cancel: fills what it can now, the remainder is cancelled. */
    IOC,
    /** Fill or kill: fills completely now or not at all. */
    FOK
}
