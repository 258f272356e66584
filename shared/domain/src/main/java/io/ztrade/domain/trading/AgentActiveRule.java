package io.ztrade.domain.trading;


/**
 * Rule {@code agent-active}: only a RUNNING agent orders, and a BUY needs cash (an agent with no
 * capital left does not open positions). Checks every order.
 */
public final class AgentActiveRule implements RiskRule {

    public static final String NAME = "agent-active";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(RiskContext context, ProposedOrder order) {
        AgentState agent = context.agent();
        if (agent.status() != AgentStatus.RUNNING) {
            return RuleResult.refuse(NAME, "agent is " + agent.status() + ", not RUNNING");
        }
        if (order.isBuy() && agent.cash().signum() <= 0) {
            return RuleResult.refuse(NAME, "no capital: cash " + Fmt.money(agent.cash()));
        }
        return RuleResult.pass(NAME, "RUNNING, cash " + Fmt.money(agent.cash()));
    }
}
