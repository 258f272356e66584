package io.ztrade.domain.trading;

/** Rule {@code stop-loss-required}. */
public final class StopLossRequiredRule implements RiskRule {

    public static final String NAME = "stop-loss-required";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(RiskContext context, ProposedOrder order) {
        throw new UnsupportedOperationException("not yet");
    }
}
