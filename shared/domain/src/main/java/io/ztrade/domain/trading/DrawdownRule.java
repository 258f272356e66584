package io.ztrade.domain.trading;

/** Rule {@code max-drawdown}. */
public final class DrawdownRule implements RiskRule {

    public static final String NAME = "max-drawdown";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(RiskContext context, ProposedOrder order) {
        throw new UnsupportedOperationException("not yet");
    }
}
