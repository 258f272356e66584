package io.ztrade.domain.trading;

import java.math.BigDecimal;

/**
 * Rule {@code position-limit}: after a BUY the position may exceed neither the agent's
 * {@code maxPositionSize} (quantity) nor {@code positionShareOfCapital} of total capital (value at
 * the order price). Reaching either limit exactly is allowed. SELLs reduce the position and pass.
 */
public final class PositionLimitRule implements RiskRule {

    public static final String NAME = "position-limit";

    private final BigDecimal maxPositionSize;
    private final BigDecimal shareOfCapital;

    public PositionLimitRule(BigDecimal maxPositionSize, BigDecimal shareOfCapital) {
        this.maxPositionSize = maxPositionSize;
        this.shareOfCapital = shareOfCapital;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(RiskContext context, ProposedOrder order) {
        if (!order.isBuy()) {
            return RuleResult.pass(NAME, "a SELL reduces the position");
        }
        BigDecimal after = context.agent().positionQuantity().add(order.quantity());
        if (after.compareTo(maxPositionSize) > 0) {
            return RuleResult.refuse(NAME, "position " + Fmt.money(after) + " would exceed maxPositionSize "
                    + Fmt.money(maxPositionSize));
        }
        BigDecimal value = after.multiply(order.price());
        BigDecimal cap = context.totalCapital().multiply(shareOfCapital);
        String numbers = "position " + Fmt.money(after) + " worth " + Fmt.money(value) + ", limit "
                + Fmt.money(maxPositionSize) + " and " + Fmt.pct(shareOfCapital) + " of " + Fmt.money(context.totalCapital())
                + " = " + Fmt.money(cap);
        if (value.compareTo(cap) > 0) {
            return RuleResult.refuse(NAME, numbers + ": exceeded");
        }
        return RuleResult.pass(NAME, numbers);
    }
}
