package io.ztrade.domain.trading;

/**
 * Rule {@code min-confidence}: a BUY needs a signal confidence of at least the agent's
 * {@code minConfidence}. A signal without a confidence (NaN: strategies that have none) passes. SELLs
 * close and pass.
 */
public final class MinConfidenceRule implements RiskRule {

    public static final String NAME = "min-confidence";

    private final double minConfidence;

    public MinConfidenceRule(double minConfidence) {
        this.minConfidence = minConfidence;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RuleResult check(RiskContext context, ProposedOrder order) {
        if (!order.isBuy()) {
            return RuleResult.pass(NAME, "a SELL closes");
        }
        double c = order.confidence();
        if (Double.isNaN(c)) {
            return RuleResult.pass(NAME, "the strategy reports no confidence");
        }
        String numbers = "confidence " + Fmt.num(c) + ", minimum " + Fmt.num(minConfidence);
        if (c < minConfidence) {
            return RuleResult.refuse(NAME, numbers + ": too low");
        }
        return RuleResult.pass(NAME, numbers);
    }
}
