package io.ztrade.domain.backtest;

import io.ztrade.domain.strategy.InvalidParameterException;

/**
 * Costs and capital of one backtest. Amounts in the instrument's quote currency; bps are 1/100 of a
 * percent of notional.
 *
 * @param initialCapital     starting cash, > 0
 * @param commissionPerTrade fixed commission per fill, >= 0
 * @param commissionBps      commission proportional to notional, >= 0
 * @param slippageBps        adverse price move on every fill, >= 0 (buys pay more, sells get less)
 * @param riskFreeRate       annual risk-free rate for Sharpe/Sortino as a fraction (0.02 is 2%)
 */
public record BacktestConfig(
        double initialCapital, double commissionPerTrade, double commissionBps, double slippageBps, double riskFreeRate) {

    public static final double DEFAULT_RISK_FREE_RATE = 0.02;

    public BacktestConfig {
        if (!(initialCapital > 0) || Double.isInfinite(initialCapital)) {
            throw new InvalidParameterException("initialCapital", "must be a positive number, was " + initialCapital);
        }
        requireNonNegative("commissionPerTrade", commissionPerTrade);
        requireNonNegative("commissionBps", commissionBps);
        requireNonNegative("slippageBps", slippageBps);
        if (commissionBps >= 10_000) {
            throw new InvalidParameterException("commissionBps", "must be below 10000 (100%), was " + commissionBps);
        }
        if (slippageBps >= 10_000) {
            throw new InvalidParameterException("slippageBps", "must be below 10000 (100%), was " + slippageBps);
        }
        if (!(riskFreeRate > -1 && riskFreeRate < 1)) {
            throw new InvalidParameterException("riskFreeRate", "must be a fraction in (-1, 1), was " + riskFreeRate);
        }
    }

    public static BacktestConfig withCapital(double initialCapital) {
        return new BacktestConfig(initialCapital, 0, 0, 0, DEFAULT_RISK_FREE_RATE);
    }

    private static void requireNonNegative(String field, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new InvalidParameterException(field, "must be a number >= 0, was " + v);
        }
    }
}
