package io.ztrade.domain.trading;

import io.ztrade.domain.market.Instrument;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Sizes a BUY. The allowed size is the largest quantity every limit allows at the order price: the
 * agent's {@code maxPositionSize} less what it holds, {@code positionShareOfCapital} of total capital
 * less what it holds, the deployable capital left ({@code maxDeployedShare} of total capital less the
 * deployed capital), and the cash (commission included, as the backtest buys: the most lots with
 * {@code price * qty + commission <= cash}). The confidence then scales it (see
 * {@link #fraction(double)}), and the result is rounded down to the instrument's lot. Thread-safe.
 */
public final class PositionSizer {

    private static final int SCALE = 18;

    private final RiskLimits limits;
    private final CommissionModel costs;

    public PositionSizer(RiskLimits limits, CommissionModel costs) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.costs = Objects.requireNonNull(costs, "costs");
    }

    /**
     * The share of the allowed size for a confidence: >= 0.85 -> 1, >= 0.75 -> 0.75, >= 0.65 -> 0.5,
     * below 0.65 -> 0 (no order); NaN (a strategy without a confidence, e.g. the SMA crossover) -> 1,
     * so that such strategies trade as in a backtest.
     */
    public static BigDecimal fraction(double confidence) {
        if (Double.isNaN(confidence) || confidence >= 0.85) {
            return BigDecimal.ONE;
        }
        if (confidence >= 0.75) {
            return new BigDecimal("0.75");
        }
        if (confidence >= 0.65) {
            return new BigDecimal("0.5");
        }
        return BigDecimal.ZERO;
    }

    /** The largest quantity every limit allows at {@code price}, rounded down to the lot; never negative. */
    public BigDecimal allowedQuantity(AgentSpec spec, RiskContext context, BigDecimal price) {
        Instrument instrument = spec.instrument();
        BigDecimal held = context.agent().positionQuantity().max(BigDecimal.ZERO);
        BigDecimal total = context.totalCapital();
        BigDecimal q = spec.maxPositionSize().subtract(held);
        q = q.min(divide(total.multiply(limits.positionShareOfCapital()), price).subtract(held));
        q = q.min(divide(total.multiply(limits.maxDeployedShare()).subtract(context.deployedCapital()), price));
        q = q.min(affordable(instrument, price, context.agent().cash()));
        if (q.signum() <= 0) {
            return BigDecimal.ZERO.setScale(instrument.lotSize().scale());
        }
        return instrument.roundDownToLot(q);
    }

    /** allowedQuantity * fraction(confidence), rounded down to the instrument's lot; 0 means no order. */
    public BigDecimal size(AgentSpec spec, RiskContext context, BigDecimal price, double confidence) {
        BigDecimal allowed = allowedQuantity(spec, context, price);
        return spec.instrument().roundDownToLot(allowed.multiply(fraction(confidence)));
    }

    /**
     * The most whole lots with {@code price * qty + commission <= budget} (the backtest's rule), 0 when
     * not even one lot fits.
     */
    public BigDecimal affordable(Instrument instrument, BigDecimal price, BigDecimal budget) {
        BigDecimal zero = BigDecimal.ZERO.setScale(instrument.lotSize().scale());
        BigDecimal net = budget.subtract(costs.perTrade());
        if (net.signum() <= 0 || price.signum() <= 0) {
            return zero;
        }
        BigDecimal perUnit = price.add(price.multiply(costs.bps()).movePointLeft(4));
        BigDecimal q = instrument.roundDownToLot(divide(net, perUnit));
        // exact division rounded down already fits; the loop is a guard for the rounding of divide()
        while (q.signum() > 0 && cost(price, q).compareTo(budget) > 0) {
            q = q.subtract(instrument.lotSize());
        }
        return q.signum() > 0 ? q : zero;
    }

    private BigDecimal cost(BigDecimal price, BigDecimal quantity) {
        return price.multiply(quantity).add(costs.commission(price, quantity));
    }

    private static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a.divide(b, SCALE, RoundingMode.DOWN);
    }
}
