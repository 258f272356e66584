package io.ztrade.events;

/** CloudEvent {@code source} values of the platform's own producers (URI references). */
public final class EventSources {

    /** Replies and fan-out of the backtest function. */
    public static final String BACKTEST_FUNCTION = "/ztrade/functions/backtest";

    /** Replies of the market-data fetcher. */
    public static final String MARKETDATA_FUNCTION = "/ztrade/functions/market-data";

    /** Replies of the sentiment fetcher. */
    public static final String SENTIMENT_FUNCTION = "/ztrade/functions/sentiment";

    /** Replies, signals and orders of the trading loop. */
    public static final String TRADING_LOOP_FUNCTION = "/ztrade/functions/trading-loop";

    /** Events emitted by the {@code ztrade} command line. */
    public static final String CLI = "/ztrade/cli";

    /** Executions published by the order book. */
    public static final String ORDERBOOK = "/ztrade/orderbook";

    private EventSources() {}
}
