package io.ztrade.domain.backtest;

/** The side of a {@link Fill}. */
public enum Side {
    BUY,
    SELL
}
