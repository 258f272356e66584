package io.ztrade.domain.trading;

/** Rule {@code daily-loss-limit}. */
public final class DailyLossRule implements RiskRule {

    public static final String NAME = "daily-loss-limit";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(RiskContext context, ProposedOrder order) {
        throw new UnsupportedOperationException("not yet");
    }
}
