package io.ztrade.domain.trading;

/**
 * Rule {@code daily-trade-limit}: at most {@code maxDailyTrades} orders per trading day. A
 * stop-loss or take-profit exit is never held back by it (it closes risk rather than adding to it).
 */
public final class DailyTradeLimitRule implements RiskRule {

    public static final String NAME = "daily-trade-limit";

    private final int maxDailyTrades;

    public DailyTradeLimitRule(int maxDailyTrades) {
        if (maxDailyTrades < 1) {
            throw new IllegalArgumentException("maxDailyTrades must be >= 1, was " + maxDailyTrades);
        }
        this.maxDailyTrades = maxDailyTrades;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(RiskContext context, ProposedOrder order) {
        int today = context.agent().tradesToday();
        String numbers = today + " of " + maxDailyTrades + " trades today";
        if (order.reason() == OrderReason.STOP_LOSS || order.reason() == OrderReason.TAKE_PROFIT) {
            return RuleResult.pass(NAME, numbers + "; protective exits are not limited");
        }
        if (today >= maxDailyTrades) {
            return RuleResult.refuse(NAME, numbers + ": limit reached");
        }
        return RuleResult.pass(NAME, numbers);
    }
}
