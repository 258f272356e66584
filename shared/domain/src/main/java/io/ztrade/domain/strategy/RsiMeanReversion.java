package io.ztrade.domain.strategy;

import io.ztrade.domain.indicator.WilderRsi;
import io.ztrade.domain.market.BarSeries;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * RSI mean reversion: BUY while the RSI is below {@code oversold}, SELL while it is above
 * {@code overbought} (the backtest engine ignores a BUY while long and a SELL while flat). The RSI is
 * {@link WilderRsi}, defined as ta4j's {@code RSIIndicator}; the first signal can come at index
 * {@code period}. A BUY or SELL carries the RSI as its score.
 */
public final class RsiMeanReversion implements Strategy {

    /** The id users name. */
    public static final String ID = "rsi-mean-reversion";

    /** RSI period in bars. */
    public static final ParameterSpec PERIOD = ParameterSpec.ofInt("period", 14, 2, 1_000, "RSI period in bars");
    /** BUY below this RSI. */
    public static final ParameterSpec OVERSOLD =
            ParameterSpec.ofDecimal("oversold", 30, 0, false, 100, false, "BUY while RSI is below it; must be less than overbought");
    /** SELL above this RSI. */
    public static final ParameterSpec OVERBOUGHT = ParameterSpec.ofDecimal(
            "overbought", 70, 0, false, 100, false, "SELL while RSI is above it; must be greater than oversold");

    /** Id, rule and parameters, for the catalog. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor(
            ID,
            "BUY while the Wilder RSI of closes is below oversold, SELL while it is above overbought.",
            List.of(PERIOD, OVERSOLD, OVERBOUGHT));

    /**
     * Validated parameters: {@code 2 <= period <= 1000}, {@code 0 < oversold < overbought < 100}.
     *
     * @param period     RSI period in bars
     * @param oversold   BUY threshold
     * @param overbought SELL threshold
     */
    public record Params(int period, double oversold, double overbought) implements StrategyParams {

        /** {@code period=14, oversold=30, overbought=70}. */
        public static final Params DEFAULTS = new Params(14, 30, 70);

        public Params {
            PERIOD.checkRange(period);
            OVERSOLD.checkRange(oversold);
            OVERBOUGHT.checkRange(overbought);
            if (!(oversold < overbought)) {
                throw new InvalidParameterException(
                        "oversold", "must be less than overbought (" + overbought + "), was " + oversold);
            }
        }

        @Override
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(PERIOD.name(), period);
            m.put(OVERSOLD.name(), oversold);
            m.put(OVERBOUGHT.name(), overbought);
            return Collections.unmodifiableMap(m);
        }
    }

    private final Params params;

    public RsiMeanReversion(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    static RsiMeanReversion from(ParameterValues v) {
        return new RsiMeanReversion(new Params(
                v.intValue(PERIOD.name()), v.decimal(OVERSOLD.name()), v.decimal(OVERBOUGHT.name())));
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
        return new Evaluator(params);
    }

    @Override
    public String toString() {
        return ID + params.asMap();
    }

    private static final class Evaluator implements Strategy.Evaluator {
        private final WilderRsi rsi;
        private final double oversold;
        private final double overbought;
        private int next;

        Evaluator(Params p) {
            this.rsi = new WilderRsi(p.period());
            this.oversold = p.oversold();
            this.overbought = p.overbought();
        }

        @Override
        public Signal onBar(BarSeries series, int index) {
            double[] close = series.closeColumn();
            if (index != next) {
                if (index < next) {
                    rsi.reset();
                    next = 0;
                }
                for (int i = next; i < index; i++) {
                    rsi.update(close, i);
                }
            }
            next = index + 1;
            double r = rsi.update(close, index);
            if (r < oversold) {
                return new Signal(Action.BUY, 1, r, Double.NaN);
            }
            if (r > overbought) {
                return new Signal(Action.SELL, 1, r, Double.NaN);
            }
            return Signal.HOLD;
        }
    }
}
