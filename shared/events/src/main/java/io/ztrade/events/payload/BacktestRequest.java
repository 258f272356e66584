package io.ztrade.events.payload;

import io.ztrade.domain.strategy.InvalidParameterException;
import io.ztrade.domain.strategy.Strategies;
import io.ztrade.domain.strategy.Strategy;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.Validated;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Data of {@code io.ztrade.backtest.requested}.
 *
 * @param strategy           strategy id, e.g. {@code sma-crossover}
 * @param params             strategy parameters (defaults apply to the ones left out)
 * @param symbol             instrument, e.g. {@code AAPL}
 * @param timeframe          bar timeframe id, e.g. {@code 1Day}
 * @param from               first bar time included (ISO-8601 instant)
 * @param to                 bars strictly before this instant
 * @param initialCapital     starting cash, > 0
 * @param commissionPerTrade fixed commission per fill (default 0)
 * @param commissionBps      commission in basis points of notional (default 0)
 * @param slippageBps        slippage in basis points on every fill (default 0)
 * @param riskFreeRate       annual risk-free rate for Sharpe/Sortino as a fraction (default: the
 *                           function's configured rate, 2%)
 * @param sweepId            set by the sweep planner on the runs of a sweep
 * @param sweepIndex         position of this combination in its sweep
 */
public record BacktestRequest(
        String strategy,
        Map<String, Object> params,
        String symbol,
        String timeframe,
        Instant from,
        Instant to,
        BigDecimal initialCapital,
        BigDecimal commissionPerTrade,
        BigDecimal commissionBps,
        BigDecimal slippageBps,
        BigDecimal riskFreeRate,
        String sweepId,
        Integer sweepIndex)
        implements Validated {

    public BacktestRequest {
        params = params == null ? Map.of() : params;
    }

    @Override
    public void validate() {
        validateExceptParams();
        toStrategy();
    }

    /** Checks every field but the strategy parameters (a sweep checks those per combination). */
    void validateExceptParams() {
        Check.text("strategy", strategy);
        Check.text("symbol", symbol);
        Check.timeframe("timeframe", timeframe);
        Check.ordered("from", from, "to", to);
        Check.positive("initialCapital", initialCapital);
        Check.nonNegative("commissionPerTrade", commissionPerTrade);
        Check.nonNegative("commissionBps", commissionBps);
        Check.below("commissionBps", commissionBps, "10000");
        Check.nonNegative("slippageBps", slippageBps);
        Check.below("slippageBps", slippageBps, "10000");
        if (riskFreeRate != null) {
            Check.range("riskFreeRate", riskFreeRate.doubleValue(), -0.99, 0.99);
        }
        if (sweepIndex != null && sweepIndex < 0) {
            throw new InvalidEventException("sweepIndex", "must not be negative");
        }
    }

    /** The strategy this request names, with its validated parameters. */
    public Strategy toStrategy() {
        try {
            return Strategies.create(strategy, params);
        } catch (InvalidParameterException e) {
            String field = "strategy".equals(e.field()) ? "strategy" : "params." + e.field();
            throw new InvalidEventException(field, e.getMessage().substring(e.field().length() + 2), e);
        }
    }

    /** The same request as one run of a sweep. */
    public BacktestRequest forSweep(String id, int index, Map<String, Object> combination) {
        return new BacktestRequest(strategy, combination, symbol, timeframe, from, to, initialCapital,
                commissionPerTrade, commissionBps, slippageBps, riskFreeRate, id, index);
    }

    public BigDecimal commissionPerTradeOrZero() {
        return commissionPerTrade == null ? BigDecimal.ZERO : commissionPerTrade;
    }

    public BigDecimal commissionBpsOrZero() {
        return commissionBps == null ? BigDecimal.ZERO : commissionBps;
    }

    public BigDecimal slippageBpsOrZero() {
        return slippageBps == null ? BigDecimal.ZERO : slippageBps;
    }
}
