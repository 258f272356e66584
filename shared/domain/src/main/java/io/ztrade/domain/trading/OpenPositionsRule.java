package io.ztrade.domain.trading;

/**
 * Rule {@code max-open-positions}: a BUY that opens a new position is refused when
 * {@code maxOpenPositions} positions are open already (across all agents). Adding to the agent's own
 * open position opens nothing new. SELLs pass.
 */
public final class OpenPositionsRule implements RiskRule {

    public static final String NAME = "max-open-positions";

    private final int max;

    public OpenPositionsRule(int max) {
        this.max = max;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(RiskContext context, ProposedOrder order) {
        if (!order.isBuy()) {
            return RuleResult.pass(NAME, "a SELL opens nothing");
        }
        int open = 0;
        boolean own = false;
        for (OpenPosition p : context.openPositions()) {
            if (p.quantity().signum() == 0) {
                continue;
            }
            if (isOwn(p, order)) {
                own = true;
            }
            open++;
        }
        if (!own && context.agent().positionQuantity().signum() != 0) {
            own = true; // the caller's list may leave the agent's own position out
            open++;
        }
        String numbers = open + " open, limit " + max;
        if (!own && open + 1 > max) {
            return RuleResult.refuse(NAME, numbers + ": a new position would be one too many");
        }
        return RuleResult.pass(NAME, numbers + (own ? "; adds to its own position" : ""));
    }

    static boolean isOwn(OpenPosition p, ProposedOrder order) {
        return p.agentId().equals(order.agentId()) && p.symbol().equals(order.instrument().symbol());
    }
}
