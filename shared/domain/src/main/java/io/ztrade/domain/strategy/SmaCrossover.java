package io.ztrade.domain.strategy;

import io.ztrade.domain.indicator.RollingSma;
import io.ztrade.domain.market.BarSeries;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Simple-moving-average crossover. BUY when the fast SMA crosses above the slow one (fast &gt; slow at
 * this bar, fast &lt;= slow at the previous bar), SELL when it crosses below (fast &lt; slow now, fast
 * &gt;= slow before). No signal until both SMAs exist at this bar and the previous one, so the first
 * possible signal is at index {@code slow}. O(1) per bar (rolling sums), no allocation per bar.
 */
public final class SmaCrossover implements Strategy {

    /** The id users name. */
    public static final String ID = "sma-crossover";

    /** Bars in the fast average. */
    public static final ParameterSpec FAST =
            ParameterSpec.ofInt("fast", 10, 1, 9_999, "bars in the fast SMA; must be less than slow");
    /** Bars in the slow average. */
    public static final ParameterSpec SLOW =
            ParameterSpec.ofInt("slow", 30, 2, 10_000, "bars in the slow SMA; must be greater than fast");

    /** Id, rule and parameters, for the catalog. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor(
            ID,
            "BUY when the fast SMA of closes crosses above the slow SMA, SELL when it crosses below.",
            List.of(FAST, SLOW));

    /**
     * Validated parameters: {@code 1 <= fast < slow <= 10000}.
     *
     * @param fast bars in the fast SMA
     * @param slow bars in the slow SMA
     */
    public record Params(int fast, int slow) implements StrategyParams {

        /** {@code fast=10, slow=30}. */
        public static final Params DEFAULTS = new Params(10, 30);

        public Params {
            FAST.checkRange(fast);
            SLOW.checkRange(slow);
            if (fast >= slow) {
                throw new InvalidParameterException("fast", "must be less than slow (" + slow + "), was " + fast);
            }
        }

        @Override
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(FAST.name(), fast);
            m.put(SLOW.name(), slow);
            return Collections.unmodifiableMap(m);
        }
    }

    private final Params params;

    public SmaCrossover(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** With {@code fast} and {@code slow} bars, validated as {@link Params} does. */
    public SmaCrossover(int fast, int slow) {
        this(new Params(fast, slow));
    }

    static SmaCrossover from(ParameterValues v) {
        return new SmaCrossover(v.intValue(FAST.name()), v.intValue(SLOW.name()));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public int warmupBars() {
        return params.slow();
    }

    @Override
    public Strategy.Evaluator newEvaluator() {
        return new Evaluator(params.fast(), params.slow());
    }

    @Override
    public String toString() {
        return ID + params.asMap();
    }

    /**
     * The fast and slow SMAs compared as {@link RollingSma} computes them: rolling sums with the same
     * operations, divided by the period. Division is the slow part, so {@link #compareAverages}
     * decides from the cross-multiplied sums and divides only for near-ties. State lives in fields
     * between calls and in locals inside {@link #onBars}; {@link #onBar} runs the same loop for one
     * bar.
     */
    private static final class Evaluator implements Strategy.Evaluator {
        /** Relation while an SMA does not exist yet (or is NaN). */
        private static final int NONE = 2;

        private final int fast;
        private final int slow;
        private final int[] oneIndex = new int[1];
        private final Signal[] one = new Signal[1];
        private double fastSum;
        private double slowSum;
        private int prevRelation = NONE;
        private int next;

        Evaluator(int fast, int slow) {
            this.fast = fast;
            this.slow = slow;
        }

        @Override
        public Signal onBar(BarSeries series, int index) {
            return onBars(series, index, index + 1, oneIndex, one) == 0 ? Signal.HOLD : one[0];
        }

        @Override
        public int onBars(BarSeries series, int from, int to, int[] indexes, Signal[] signals) {
            double[] close = series.closeColumn();
            if (from != next) {
                if (from < next) {
                    fastSum = 0;
                    slowSum = 0;
                    prevRelation = NONE;
                    next = 0;
                }
                if (from > next) {
                    run(close, next, from, null, null);
                }
            }
            return run(close, from, to, indexes, signals);
        }

        /** Evaluates {@code from..to-1}; reports BUYs and SELLs when {@code indexes} is not null. */
        private int run(double[] close, int from, int to, int[] indexes, Signal[] signals) {
            final int fast = this.fast;
            final int slow = this.slow;
            double fastSum = this.fastSum;
            double slowSum = this.slowSum;
            int prev = prevRelation;
            int count = 0;
            for (int i = from; i < to; i++) {
                double c = close[i];
                fastSum += c;
                if (i >= fast) {
                    fastSum -= close[i - fast];
                }
                slowSum += c;
                if (i >= slow) {
                    slowSum -= close[i - slow];
                }
                // the slow SMA exists from index slow - 1 on, the fast one earlier
                int rel = i >= slow - 1 ? compareAverages(fastSum, fast, slowSum, slow) : NONE;
                if (rel != prev) {
                    Signal signal = null;
                    if (rel == 1 && prev <= 0) {
                        signal = Signal.BUY;
                    } else if (rel == -1 && (prev == 0 || prev == 1)) {
                        signal = Signal.SELL;
                    }
                    if (signal != null && indexes != null) {
                        indexes[count] = i;
                        signals[count] = signal;
                        count++;
                    }
                    prev = rel;
                }
            }
            this.fastSum = fastSum;
            this.slowSum = slowSum;
            this.prevRelation = prev;
            this.next = to;
            return count;
        }
    }

    /**
     * How {@code fastSum / fast} compares with {@code slowSum / slow} as doubles: 1, 0 or -1 (2 when
     * either is NaN), without dividing unless it matters. When the cross products differ by more
     * than 1e-12 relative, far above their rounding error (about 1e-16), the quotients differ by
     * about as much and rounding them cannot change their order, so the sign of the difference is the
     * answer; otherwise the quotients are computed and compared.
     */
    static int compareAverages(double fastSum, int fast, double slowSum, int slow) {
        double a = fastSum * slow;
        double b = slowSum * fast;
        double d = a - b;
        if (Math.abs(d) > 1e-12 * (Math.abs(a) + Math.abs(b))) {
            return d > 0 ? 1 : -1;
        }
        double f = fastSum / fast;
        double s = slowSum / slow;
        if (f > s) {
            return 1;
        }
        if (f < s) {
            return -1;
        }
        return f == s ? 0 : Evaluator.NONE;
    }
}
