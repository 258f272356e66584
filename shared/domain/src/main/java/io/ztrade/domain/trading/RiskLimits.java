package io.ztrade.domain.trading;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Portfolio-wide risk limits (configuration; {@link #defaults()} are the documented values).
 *
 * @param positionShareOfCapital  largest position value as a share of total capital (0.05)
 * @param dailyLossLimit          loss since the day's start equity that halts an agent (0.05)
 * @param maxDrawdown             drawdown from peak equity that halts an agent (0.20)
 * @param maxOpenPositions        open positions allowed across all agents (3)
 * @param maxCorrelatedPositions  open positions allowed whose returns correlate with the new one (3)
 * @param correlationThreshold    Pearson correlation of returns above which two positions are correlated (0.7)
 * @param correlationLookbackBars closes used for the correlation (30, so 29 returns)
 * @param maxDeployedShare        share of total capital that may be in open positions (0.80)
 */
public record RiskLimits(
        BigDecimal positionShareOfCapital,
        BigDecimal dailyLossLimit,
        BigDecimal maxDrawdown,
        int maxOpenPositions,
        int maxCorrelatedPositions,
        double correlationThreshold,
        int correlationLookbackBars,
        BigDecimal maxDeployedShare) {

    public RiskLimits {
        requireFraction("positionShareOfCapital", positionShareOfCapital);
        requireFraction("dailyLossLimit", dailyLossLimit);
        requireFraction("maxDrawdown", maxDrawdown);
        requireFraction("maxDeployedShare", maxDeployedShare);
        if (maxOpenPositions < 1) {
            throw new IllegalArgumentException("maxOpenPositions must be >= 1, was " + maxOpenPositions);
        }
        if (maxCorrelatedPositions < 1) {
            throw new IllegalArgumentException("maxCorrelatedPositions must be >= 1, was " + maxCorrelatedPositions);
        }
        if (!(correlationThreshold >= -1 && correlationThreshold <= 1)) {
            throw new IllegalArgumentException("correlationThreshold must be in [-1, 1], was " + correlationThreshold);
        }
        if (correlationLookbackBars < 3) {
            throw new IllegalArgumentException("correlationLookbackBars must be >= 3, was " + correlationLookbackBars);
        }
    }

    /** 5% per position, 5% daily loss, 20% drawdown, 3 open, 3 correlated above 0.7 over 30 bars, 80% deployed. */
    public static RiskLimits defaults() {
        return new RiskLimits(new BigDecimal("0.05"), new BigDecimal("0.05"), new BigDecimal("0.20"), 3, 3, 0.7, 30,
                new BigDecimal("0.80"));
    }

    private static void requireFraction(String field, BigDecimal v) {
        Objects.requireNonNull(v, field);
        if (v.signum() <= 0 || v.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(field + " must be in (0, 1], was " + v.toPlainString());
        }
    }
}
