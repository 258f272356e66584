package io.ztrade.domain.trading;

/** Rule {@code max-deployed-capital}. */
public final class DeployedCapitalRule implements RiskRule {

    public static final String NAME = "max-deployed-capital";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(RiskContext context, ProposedOrder order) {
        throw new UnsupportedOperationException("not yet");
    }
}
