package io.ztrade.domain.indicator;

/**
 * Relative strength index with Wilder's smoothing, defined exactly as ta4j 0.22's {@code RSIIndicator}:
 *
 * <ul>
 *   <li>gain_i = max(close_i - close_{i-1}, 0), loss_i = max(close_{i-1} - close_i, 0), both 0 at i = 0;
 *   <li>the averages are undefined before index {@code period}; at index {@code period} they start at
 *       that bar's gain and loss; afterwards avg_i = avg_{i-1} + (x_i - avg_{i-1}) * (1 / period);
 *   <li>RSI = 100 - 100 / (1 + avgGain / avgLoss); 100 when avgLoss is 0 (0 when both are 0).
 * </ul>
 *
 * <p>Because of that seed the first values are extreme (0 or 100) and converge to the textbook value
 * within a few times {@code period} bars. Feed indexes 0, 1, 2, ... in order, each once. Not
 * thread-safe.
 */
public final class WilderRsi {

    private final int period;
    private final double alpha;
    private double avgGain = Double.NaN;
    private double avgLoss = Double.NaN;

    /** @throws IllegalArgumentException if {@code period < 1} */
    public WilderRsi(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, was " + period);
        }
        this.period = period;
        this.alpha = 1.0 / period;
    }

    /**
     * Takes {@code close[index]} into the averages.
     *
     * @return the RSI at {@code index} in [0, 100], or {@code NaN} before index {@code period}
     */
    public double update(double[] close, int index) {
        if (index < period) {
            return Double.NaN;
        }
        double c = close[index];
        double p = close[index - 1];
        double gain = c > p ? c - p : 0.0;
        double loss = c < p ? p - c : 0.0;
        if (index == period) {
            avgGain = gain;
            avgLoss = loss;
        } else {
            avgGain = avgGain + (gain - avgGain) * alpha;
            avgLoss = avgLoss + (loss - avgLoss) * alpha;
        }
        return rsi(avgGain, avgLoss);
    }

    /** The RSI of the current averages ({@code NaN} before index {@code period}). */
    public double value() {
        return rsi(avgGain, avgLoss);
    }

    private static double rsi(double gain, double loss) {
        if (loss == 0) {
            return gain == 0 ? 0 : 100;
        }
        return 100 - 100 / (1 + gain / loss);
    }

    /** Forgets every value seen. */
    public void reset() {
        avgGain = Double.NaN;
        avgLoss = Double.NaN;
    }

    public int period() {
        return period;
    }
}
