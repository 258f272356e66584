package io.ztrade.domain.trading;

/** Rule {@code min-confidence}. */
public final class MinConfidenceRule implements RiskRule {

    public static final String NAME = "min-confidence";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(RiskContext context, ProposedOrder order) {
        throw new UnsupportedOperationException("not yet");
    }
}
