package io.ztrade.domain.trading;

/** Rule {@code position-limit}. */
public final class PositionLimitRule implements RiskRule {

    public static final String NAME = "position-limit";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(RiskContext context, ProposedOrder order) {
        throw new UnsupportedOperationException("not yet");
    }
}
