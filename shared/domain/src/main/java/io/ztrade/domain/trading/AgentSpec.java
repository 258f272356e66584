package io.ztrade.domain.trading;

import io.ztrade.domain.market.Instrument;
import io.ztrade.domain.market.Timeframe;
import io.ztrade.domain.strategy.Strategy;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One agent's definition, as validated by {@link AgentSpecs#fromTree}.
 *
 * @param id              unique id, {@code [a-z0-9][a-z0-9._-]*}, at most {@value AgentSpecs#MAX_ID_LENGTH} characters
 * @param instrument      the one instrument it trades
 * @param timeframe       the bars it decides on
 * @param strategy        the strategy (built with {@code Strategies}; its {@code id()} and
 *                        {@code params().asMap()} are what is stored); {@code null} for a market maker
 * @param capital         starting cash, > 0
 * @param maxPositionSize largest position, in units of the instrument (shares, coins), > 0
 * @param stopLoss        fraction of the entry price at which a long position is closed, in (0, 1);
 *                        {@code null}: none (then the {@code stop-loss-required} rule refuses every BUY)
 * @param takeProfit      fraction above the entry price at which a long position is closed, > 0;
 *                        {@code null}: none
 * @param maxDailyTrades  orders per trading day (UTC day for crypto, New York day for equities), >= 1
 * @param minConfidence   signals with a confidence below this are refused, in [0, 1]; signals without
 *                        a confidence (NaN) pass
 * @param dryRun          decide and log, never order
 * @param kind            trader or market maker
 * @param marketMaker     quoting settings of a {@link AgentKind#MARKET_MAKER}; {@code null} for a trader
 * @param sourceFile      the file it was imported from (for messages and the {@code agent} table)
 */
public record AgentSpec(
        String id,
        Instrument instrument,
        Timeframe timeframe,
        Strategy strategy,
        BigDecimal capital,
        BigDecimal maxPositionSize,
        BigDecimal stopLoss,
        BigDecimal takeProfit,
        int maxDailyTrades,
        double minConfidence,
        boolean dryRun,
        AgentKind kind,
        MarketMakerSettings marketMaker,
        String sourceFile) {

    public AgentSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(capital, "capital");
        Objects.requireNonNull(maxPositionSize, "maxPositionSize");
        Objects.requireNonNull(kind, "kind");
        if (kind == AgentKind.TRADER && strategy == null) {
            throw new IllegalArgumentException("a trader needs a strategy");
        }
        if (kind == AgentKind.MARKET_MAKER && marketMaker == null) {
            throw new IllegalArgumentException("a market maker needs its settings");
        }
    }

    /** The symbol traded, e.g. {@code AAPL}. */
    public String symbol() {
        return instrument.symbol();
    }
}
