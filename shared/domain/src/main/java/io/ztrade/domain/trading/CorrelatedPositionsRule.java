package io.ztrade.domain.trading;

/** Rule {@code max-correlated-positions}. */
public final class CorrelatedPositionsRule implements RiskRule {

    public static final String NAME = "max-correlated-positions";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(RiskContext context, ProposedOrder order) {
        throw new UnsupportedOperationException("not yet");
    }
}
