package io.ztrade.domain.backtest;

/**
 * Performance of one backtest run. Returns and ratios are fractions (0.1234 is 12.34%). {@code NaN}
 * marks a metric that is undefined for the run (for example a profit factor without losing trades).
 *
 * @param totalReturn  finalEquity / initialCapital - 1
 * @param cagr         compound annual growth rate over the calendar time from first to last bar
 * @param sharpe       annualised Sharpe ratio of per-bar returns, net of the risk-free rate
 * @param sortino      annualised Sortino ratio (downside deviation against the risk-free rate)
 * @param maxDrawdown  largest peak-to-trough fall of the equity curve, as a positive fraction
 * @param winRate      winning round trips / round trips
 * @param trades       completed round trips (an open position at the end is valued, not counted)
 * @param profitFactor gross profit / gross loss of round trips
 * @param exposure     share of bars with an open position
 * @param commissions  total commission paid
 * @param finalEquity  cash plus the open position valued at the last close
 */
public record Metrics(
        double totalReturn,
        double cagr,
        double sharpe,
        double sortino,
        double maxDrawdown,
        double winRate,
        int trades,
        double profitFactor,
        double exposure,
        double commissions,
        double finalEquity) {}
