package io.ztrade.domain.indicator;

/**
 * Simple moving average of the last {@code period} values, kept as a rolling sum: each update adds the
 * newest value and subtracts the one that left the window, the same order of operations as ta4j's
 * {@code SMAIndicator}, so both produce the same doubles.
 *
 * <p>Feed indexes 0, 1, 2, ... in order, each once; {@link #reset()} starts over. Not thread-safe.
 */
public final class RollingSma {

    private final int period;
    private double sum;

    /** @throws IllegalArgumentException if {@code period < 1} */
    public RollingSma(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, was " + period);
        }
        this.period = period;
    }

    /**
     * Adds {@code values[index]} to the window.
     *
     * @return the average of {@code values[index - period + 1 .. index]}, or {@code NaN} while fewer
     *     than {@code period} values have been seen
     */
    public double update(double[] values, int index) {
        double s = sum + values[index];
        if (index >= period) {
            s -= values[index - period];
        }
        sum = s;
        return index >= period - 1 ? s / period : Double.NaN;
    }

    /** Forgets every value seen. */
    public void reset() {
        sum = 0;
    }

    public int period() {
        return period;
    }
}
