package io.ztrade.domain.trading;

/** Rule {@code agent-active}. */
public final class AgentActiveRule implements RiskRule {

    public static final String NAME = "agent-active";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(RiskContext context, ProposedOrder order) {
        throw new UnsupportedOperationException("not yet");
    }
}
