package io.ztrade.function;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.ztrade.events.payload.AgentChanged;
import io.ztrade.events.payload.AgentCommand;
import io.ztrade.events.payload.AgentCommandRejected;
import io.ztrade.events.payload.BacktestCompleted;
import io.ztrade.events.payload.BacktestFailed;
import io.ztrade.events.payload.BacktestMetrics;
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
import io.ztrade.events.payload.SweepResult;
import io.ztrade.events.payload.TradingTick;

/**
 * The event payload records are read and written by Jackson through reflection; a native image
 * needs them registered. (The list is checked against the catalog by {@code NativeReflectionTest}.)
 */
@RegisterForReflection(targets = {
    BacktestRequest.class, BacktestCompleted.class, BacktestFailed.class, BacktestMetrics.class,
    SweepRequest.class, SweepCompleted.class, SweepResult.class,
    MarketDataFetchRequested.class, MarketDataUpdated.class, SentimentFetchRequested.class, SentimentScored.class,
    MarketDataFetchFailed.class, SentimentFetchFailed.class, SentimentScored.SourceScore.class,
    TradingTick.class, SignalGenerated.class, SignalGenerated.RuleCheck.class,
    AgentCommand.class, AgentChanged.class, AgentCommandRejected.class,
    OrderRequest.class, OrderAccepted.class, OrderFilled.class, OrderRejected.class, OrderCancelled.class
})
public final class NativeReflection {
    private NativeReflection() {}
}
