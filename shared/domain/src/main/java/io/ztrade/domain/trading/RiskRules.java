package io.ztrade.domain.trading;

import java.util.List;

/** The standard rule set. */
public final class RiskRules {

    private RiskRules() {}

    /**
     * Every rule, in the order they are checked and reported: agent-active, daily-trade-limit,
     * position-limit, stop-loss-required, daily-loss-limit, max-drawdown, min-confidence,
     * max-open-positions, max-correlated-positions, max-deployed-capital.
     *
     * @param limits the portfolio limits
     * @param spec   the agent, for its own limits (maxDailyTrades, maxPositionSize, minConfidence)
     */
    public static List<RiskRule> all(RiskLimits limits, AgentSpec spec) {
        return List.of(
                new AgentActiveRule(),
                new DailyTradeLimitRule(spec.maxDailyTrades()),
                new PositionLimitRule(spec.maxPositionSize(), limits.positionShareOfCapital()),
                new StopLossRequiredRule(),
                new DailyLossRule(limits.dailyLossLimit()),
                new DrawdownRule(limits.maxDrawdown()),
                new MinConfidenceRule(spec.minConfidence()),
                new OpenPositionsRule(limits.maxOpenPositions()),
                new CorrelatedPositionsRule(limits.maxCorrelatedPositions(), limits.correlationThreshold(),
                        limits.correlationLookbackBars()),
                new DeployedCapitalRule(limits.maxDeployedShare()));
    }
}
