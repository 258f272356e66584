package io.ztrade.domain.trading;

import io.ztrade.domain.market.BarSeries;
import java.time.Instant;

/**
 * One agent's decision at the close of the newest bar: stop-loss / take-profit of an open position
 * first, then the strategy's signal (a fresh {@code Strategy.Evaluator} over the bars, the objects a
 * backtest runs), sizing, and every risk rule. Long only, as the backtest: a BUY while long and a SELL
 * while flat are HOLDs. Thread-safe; one instance serves every agent.
 */
public final class TradingDecider {

    private final RiskLimits limits;
    private final CommissionModel costs;

    public TradingDecider(RiskLimits limits, CommissionModel costs) {
        this.limits = limits;
        this.costs = costs;
    }

    /**
     * Decides at the close of {@code bars}' newest bar.
     *
     * @param spec      the agent
     * @param context   its account and the portfolio
     * @param bars      its bars, oldest first, the newest being the one decided on
     * @param sentiment the latest sentiment score, reported in the decision (strategies read sentiment
     *                  from the series' columns, {@code BarSeries.setSentiment}); NaN when unknown
     * @param now       the decision time (not used for the order id, which depends on the bar only)
     */
    public Decision decide(AgentSpec spec, RiskContext context, BarSeries bars, double sentiment, Instant now) {
        throw new UnsupportedOperationException("not yet");
    }

    public RiskLimits limits() {
        return limits;
    }

    public CommissionModel costs() {
        return costs;
    }
}
