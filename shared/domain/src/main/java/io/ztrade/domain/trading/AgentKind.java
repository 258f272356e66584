package io.ztrade.domain.trading;

/** What an agent does: trade a strategy's signals, or quote both sides as a market maker. */
public enum AgentKind {
    TRADER,
    MARKET_MAKER
}
