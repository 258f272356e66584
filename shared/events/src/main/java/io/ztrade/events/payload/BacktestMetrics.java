package io.ztrade.events.payload;

import java.math.BigDecimal;

/**
 * Metrics of one run. Returns and ratios are fractions (0.1234 is 12.34%), {@code null} where
 * undefined (a profit factor without losing trades, a Sharpe ratio of a flat equity curve). Money
 * ({@code commissions}, {@code finalEquity}) is rounded to the instrument's tick.
 */
public record BacktestMetrics(
        Double totalReturn,
        Double cagr,
        Double sharpe,
        Double sortino,
        Double maxDrawdown,
        Double winRate,
        int trades,
        Double profitFactor,
        Double exposure,
        BigDecimal commissions,
        BigDecimal finalEquity) {}
