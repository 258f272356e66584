package io.ztrade.domain.trading;

/** Rule {@code max-open-positions}. */
public final class OpenPositionsRule implements RiskRule {

    public static final String NAME = "max-open-positions";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(RiskContext context, ProposedOrder order) {
        throw new UnsupportedOperationException("not yet");
    }
}
