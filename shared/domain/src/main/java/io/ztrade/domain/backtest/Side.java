package io.ztrade.domain.backtest;

public enum Side {
    BUY,
    SELL
}
