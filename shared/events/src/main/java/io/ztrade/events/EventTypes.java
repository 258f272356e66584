package io.ztrade.events;

/**
 * Every CloudEvent type of the platform, one constant each. Functions, Trigger filters (by
 * convention, checked by the manifest tests) and tests use these strings and no others.
 */
public final class EventTypes {

    private static final String PREFIX = "io.ztrade.";

    /** A user or the sweep planner asks for one backtest. Consumed by the backtest function. */
    public static final String BACKTEST_REQUESTED = PREFIX + "backtest.requested";
    /** Reply of the backtest function: the run is stored and these are its metrics. */
    public static final String BACKTEST_COMPLETED = PREFIX + "backtest.completed";
    /** Reply of the backtest function: the backtest could not run (no bars, unknown symbol, ...). */
    public static final String BACKTEST_FAILED = PREFIX + "backtest.failed";
    /** A user asks for a parameter sweep; the backtest function fans out one request per combination. */
    public static final String BACKTEST_SWEEP_REQUESTED = PREFIX + "backtest.sweep.requested";
    /** Every run of a sweep has finished; carries the best runs by the chosen metric. */
    public static final String BACKTEST_SWEEP_COMPLETED = PREFIX + "backtest.sweep.completed";

    /** Scheduled (PingSource): fetch bars for some symbols. Consumed by the market-data fetcher. */
    public static final String MARKETDATA_FETCH_REQUESTED = PREFIX + "marketdata.fetch.requested";
    /** The market-data fetcher stored new bars. */
    public static final String MARKETDATA_UPDATED = PREFIX + "marketdata.updated";
    /** Reply of the market-data fetcher: the fetch could not run (bad request, provider gave up); nothing was stored. */
    public static final String MARKETDATA_FETCH_FAILED = PREFIX + "marketdata.fetch.failed";
    /** Scheduled (PingSource): fetch and score news sentiment. Consumed by the sentiment fetcher. */
    public static final String SENTIMENT_FETCH_REQUESTED = PREFIX + "sentiment.fetch.requested";
    /** The sentiment fetcher scored a symbol. */
    public static final String SENTIMENT_SCORED = PREFIX + "sentiment.scored";
    /** Reply of the sentiment fetcher: the request could not run (bad request); nothing was stored. */
    public static final String SENTIMENT_FETCH_FAILED = PREFIX + "sentiment.fetch.failed";

    /** Scheduled (PingSource): run every due trading agent once. Consumed by the trading loop. */
    public static final String TRADING_TICK = PREFIX + "trading.tick";
    /** The trading loop decided for one agent (and maybe sent an order). */
    public static final String SIGNAL_GENERATED = PREFIX + "signal.generated";

    /** A command for the trading loop: import an agent's YAML, start/stop/pause/resume it, the kill switch. */
    public static final String AGENT_COMMAND = PREFIX + "agent.command";
    /** Reply of the trading loop: an agent was imported or changed status (or the kill switch did). */
    public static final String AGENT_CHANGED = PREFIX + "agent.changed";
    /** Reply of the trading loop: the command was refused (file and field named); nothing was stored. */
    public static final String AGENT_COMMAND_REJECTED = PREFIX + "agent.command.rejected";

    /**
     * A command for the order book (Kafka topic ztrade.orders, keyed by symbol): a new order, a cancel or
     * an amend, told apart by the payload's {@code command} field.
     */
    public static final String ORDER_REQUESTED = PREFIX + "order.requested";
    /** The order book accepted an order (Kafka topic ztrade.executions). */
    public static final String ORDER_ACCEPTED = PREFIX + "order.accepted";
    /** One fill of an order (one event per fill). */
    public static final String ORDER_FILLED = PREFIX + "order.filled";
    /** The order book rejected an order, with the reason. */
    public static final String ORDER_REJECTED = PREFIX + "order.rejected";
    /** An order (or its remainder) left the book without filling. */
    public static final String ORDER_CANCELLED = PREFIX + "order.cancelled";

    private EventTypes() {}
}
