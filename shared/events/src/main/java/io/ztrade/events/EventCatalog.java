package io.ztrade.events;

import io.ztrade.events.payload.AgentChanged;
import io.ztrade.events.payload.AgentCommand;
import io.ztrade.events.payload.AgentCommandRejected;
import io.ztrade.events.payload.BacktestCompleted;
import io.ztrade.events.payload.BacktestFailed;
import io.ztrade.events.payload.BacktestRequest;
import io.ztrade.events.payload.MarketDataFetchFailed;
import io.ztrade.events.payload.MarketDataFetchRequested;
import io.ztrade.events.payload.MarketDataUpdated;
import io.ztrade.events.payload.OrderAccepted;
import io.ztrade.events.payload.OrderCancelled;
import io.ztrade.events.payload.OrderFilled;
import io.ztrade.events.payload.OrderRejected;
import io.ztrade.events.payload.OrderRequest;
import io.ztrade.events.payload.SentimentFetchFailed;
import io.ztrade.events.payload.SentimentFetchRequested;
import io.ztrade.events.payload.SentimentScored;
import io.ztrade.events.payload.SignalGenerated;
import io.ztrade.events.payload.SweepCompleted;
import io.ztrade.events.payload.SweepRequest;
import io.ztrade.events.payload.TradingTick;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every event type with its payload record, producer and consumers, as in the design's catalog. */
public final class EventCatalog {

    /** One catalog entry. */
    public record Entry(String type, Class<?> payload, String producer, String consumers) {}

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add(EventTypes.BACKTEST_REQUESTED, BacktestRequest.class, "users, sweep planner", "backtest");
        add(EventTypes.BACKTEST_COMPLETED, BacktestCompleted.class, "backtest (reply)", "status/any");
        add(EventTypes.BACKTEST_FAILED, BacktestFailed.class, "backtest (reply)", "status/any");
        add(EventTypes.BACKTEST_SWEEP_REQUESTED, SweepRequest.class, "users", "backtest (fans out requested)");
        add(EventTypes.BACKTEST_SWEEP_COMPLETED, SweepCompleted.class, "backtest", "status/any");
        add(EventTypes.MARKETDATA_FETCH_REQUESTED, MarketDataFetchRequested.class, "PingSource", "market-data fetcher");
        add(EventTypes.MARKETDATA_UPDATED, MarketDataUpdated.class, "market-data fetcher", "trading loop (optional)");
        add(EventTypes.MARKETDATA_FETCH_FAILED, MarketDataFetchFailed.class, "market-data fetcher (reply)", "status/any");
        add(EventTypes.SENTIMENT_FETCH_REQUESTED, SentimentFetchRequested.class, "PingSource", "sentiment fetcher");
        add(EventTypes.SENTIMENT_SCORED, SentimentScored.class, "sentiment fetcher", "trading loop (optional)");
        add(EventTypes.SENTIMENT_FETCH_FAILED, SentimentFetchFailed.class, "sentiment fetcher (reply)", "status/any");
        add(EventTypes.TRADING_TICK, TradingTick.class, "PingSource", "trading loop");
        add(EventTypes.SIGNAL_GENERATED, SignalGenerated.class, "trading loop", "status/any");
        add(EventTypes.AGENT_COMMAND, AgentCommand.class, "users, CLI", "trading loop");
        add(EventTypes.AGENT_CHANGED, AgentChanged.class, "trading loop (reply, halts)", "status/any");
        add(EventTypes.AGENT_COMMAND_REJECTED, AgentCommandRejected.class, "trading loop (reply)", "status/any");
        add(EventTypes.ORDER_REQUESTED, OrderRequest.class, "trading loop, users (Kafka ztrade.orders)", "orderbook");
        add(EventTypes.ORDER_ACCEPTED, OrderAccepted.class, "orderbook (Kafka, via KafkaSource)", "trading loop");
        add(EventTypes.ORDER_FILLED, OrderFilled.class, "orderbook (Kafka, via KafkaSource)", "trading loop");
        add(EventTypes.ORDER_REJECTED, OrderRejected.class, "orderbook (Kafka, via KafkaSource)", "trading loop");
        add(EventTypes.ORDER_CANCELLED, OrderCancelled.class, "orderbook (Kafka, via KafkaSource)", "trading loop");
    }

    private EventCatalog() {}

    private static void add(String type, Class<?> payload, String producer, String consumers) {
        ENTRIES.put(type, new Entry(type, payload, producer, consumers));
    }

    public static Collection<Entry> entries() {
        return ENTRIES.values();
    }

    public static Optional<Entry> find(String type) {
        return Optional.ofNullable(ENTRIES.get(type));
    }

    public static boolean contains(String type) {
        return ENTRIES.containsKey(type);
    }

    /** The payload record of {@code type}. @throws InvalidEventException (field {@code type}) if unknown */
    public static Class<?> payloadOf(String type) {
        Entry e = ENTRIES.get(type);
        if (e == null) {
            throw new InvalidEventException("type", "unknown event type '" + type + "'");
        }
        return e.payload();
    }
}
