package io.ztrade.domain.indicator;

/**
 * Rate of change over {@code period} bars as a fraction: {@code close[i] / close[i - period] - 1}
 * (ta4j's {@code ROCIndicator} reports the same quantity in percent). Stateless.
 */
public final class RateOfChange {

    private RateOfChange() {}

    /** @return the rate of change at {@code index}, or {@code NaN} when {@code index < period} */
    public static double at(double[] close, int index, int period) {
        if (index < period) {
            return Double.NaN;
        }
        return close[index] / close[index - period] - 1;
    }
}
