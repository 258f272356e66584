package io.ztrade.domain.strategy;

/** What a strategy asks for at a bar's close. */
public enum Action {
    BUY,
    SELL,
    HOLD
}
