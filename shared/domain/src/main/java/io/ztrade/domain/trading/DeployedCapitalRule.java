package io.ztrade.domain.trading;

import java.math.BigDecimal;

/**
 * Rule {@code max-deployed-capital}: after a BUY, the capital in open positions across all agents
 * (deployed + the order's notional) may not exceed {@code maxDeployedShare} of total capital; exactly
 * at the limit is allowed. SELLs pass.
 */
public final class DeployedCapitalRule implements RiskRule {

    public static final String NAME = "max-deployed-capital";

    private final BigDecimal maxShare;

    public DeployedCapitalRule(BigDecimal maxShare) {
        this.maxShare = maxShare;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(RiskContext context, ProposedOrder order) {
        if (!order.isBuy()) {
            return RuleResult.pass(NAME, "a SELL frees capital");
        }
        BigDecimal after = context.deployedCapital().add(order.notional());
        BigDecimal cap = context.totalCapital().multiply(maxShare);
        String numbers = "deployed " + Fmt.money(after) + " after the order, limit " + Fmt.pct(maxShare) + " of "
                + Fmt.money(context.totalCapital()) + " = " + Fmt.money(cap);
        if (after.compareTo(cap) > 0) {
            return RuleResult.refuse(NAME, numbers + ": exceeded");
        }
        return RuleResult.pass(NAME, numbers);
    }
}
