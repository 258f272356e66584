package io.ztrade.domain.trading;

import io.ztrade.domain.market.Instrument;
import java.math.BigDecimal;

/**
 * Sizes a BUY: the allowed size is the largest quantity that every limit allows (maxPositionSize, the
 * share of total capital per position, the deployable capital left, and the cash, commission
 * included); the confidence scales it. See {@link #fraction(double)}.
 */
public final class PositionSizer {

    private final RiskLimits limits;
    private final CommissionModel costs;

    public PositionSizer(RiskLimits limits, CommissionModel costs) {
        this.limits = limits;
        this.costs = costs;
    }

    /**
     * The share of the allowed size for a confidence: >= 0.85 -> 1, >= 0.75 -> 0.75, >= 0.65 -> 0.5,
     * below 0.65 -> 0 (no order); NaN (a strategy without a confidence) -> 1.
     */
    public static BigDecimal fraction(double confidence) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The largest quantity every limit allows at {@code price}, rounded down to the lot. */
    public BigDecimal allowedQuantity(AgentSpec spec, RiskContext context, BigDecimal price) {
        throw new UnsupportedOperationException("not yet");
    }

    /** allowedQuantity * fraction(confidence), rounded down to the instrument's lot; 0 means no order. */
    public BigDecimal size(AgentSpec spec, RiskContext context, BigDecimal price, double confidence) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The most whole lots with price * qty + commission <= budget. */
    public BigDecimal affordable(Instrument instrument, BigDecimal price, BigDecimal budget) {
        throw new UnsupportedOperationException("not yet");
    }
}
