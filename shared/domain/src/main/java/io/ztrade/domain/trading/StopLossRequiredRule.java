package io.ztrade.domain.trading;

/** Rule {@code stop-loss-required}: every BUY comes with a stop-loss price. */
public final class StopLossRequiredRule implements RiskRule {

    public static final String NAME = "stop-loss-required";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(RiskContext context, ProposedOrder order) {
        if (!order.isBuy()) {
            return RuleResult.pass(NAME, "a SELL needs no stop-loss");
        }
        if (order.stopLossPrice() == null) {
            return RuleResult.refuse(NAME, "BUY without a stop-loss (set stopLoss on the agent)");
        }
        return RuleResult.pass(NAME, "stop-loss at " + Fmt.money(order.stopLossPrice()));
    }
}
