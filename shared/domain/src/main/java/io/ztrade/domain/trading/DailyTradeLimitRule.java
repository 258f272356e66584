package io.ztrade.domain.trading;

/** Rule {@code daily-trade-limit}. */
public final class DailyTradeLimitRule implements RiskRule {

    public static final String NAME = "daily-trade-limit";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(RiskContext context, ProposedOrder order) {
        throw new UnsupportedOperationException("not yet");
    }
}
