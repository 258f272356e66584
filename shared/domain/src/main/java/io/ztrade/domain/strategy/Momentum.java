package io.ztrade.domain.strategy;

import io.ztrade.domain.indicator.RateOfChange;
import io.ztrade.domain.market.BarSeries;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Momentum: with roc = close[i] / close[i - period] - 1 (a fraction), BUY when roc &gt; threshold,
 * SELL when roc &lt; -threshold. The first signal can come at index {@code period}. A BUY or SELL
 * carries roc as its score.
 */
public final class Momentum implements Strategy {

    /** The id users name. */
    public static final String ID = "momentum";

    /** Look-back in bars. */
    public static final ParameterSpec PERIOD =
            ParameterSpec.ofInt("period", 10, 1, 10_000, "look-back of the rate of change, in bars");
    /** Dead band around zero. */
    public static final ParameterSpec THRESHOLD = ParameterSpec.ofDecimal(
            "threshold", 0.0, 0, true, 10, false, "BUY above +threshold, SELL below -threshold (a fraction: 0.02 is 2%)");

    /** Id, rule and parameters, for the catalog. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor(
            ID,
            "BUY when the rate of change over period bars exceeds threshold, SELL when it is below -threshold.",
            List.of(PERIOD, THRESHOLD));

    /**
     * Validated parameters: {@code 1 <= period <= 10000}, {@code 0 <= threshold < 10}.
     *
     * @param period    look-back in bars
     * @param threshold dead band, as a fraction
     */
    public record Params(int period, double threshold) implements StrategyParams {

        /** {@code period=10, threshold=0.0}. */
        public static final Params DEFAULTS = new Params(10, 0.0);

        public Params {
            PERIOD.checkRange(period);
            THRESHOLD.checkRange(threshold);
        }

        @Override
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(PERIOD.name(), period);
            m.put(THRESHOLD.name(), threshold);
            return Collections.unmodifiableMap(m);
        }
    }

    private final Params params;

    public Momentum(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    static Momentum from(ParameterValues v) {
        return new Momentum(new Params(v.intValue(PERIOD.name()), v.decimal(THRESHOLD.name())));
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
        return params.period();
    }

    @Override
    public Strategy.Evaluator newEvaluator() {
        int period = params.period();
        double threshold = params.threshold();
        return (series, index) -> {
            double roc = RateOfChange.at(series.closeColumn(), index, period);
            if (roc > threshold) {
                return new Signal(Action.BUY, 1, roc, Double.NaN);
            }
            if (roc < -threshold) {
                return new Signal(Action.SELL, 1, roc, Double.NaN);
            }
            return Signal.HOLD;
        };
    }

    @Override
    public String toString() {
        return ID + params.asMap();
    }
}
