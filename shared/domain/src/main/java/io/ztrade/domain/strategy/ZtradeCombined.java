package io.ztrade.domain.strategy;

import io.ztrade.domain.indicator.RollingSma;
import io.ztrade.domain.indicator.WilderRsi;
import io.ztrade.domain.market.BarSeries;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sentiment combined with technicals.
 *
 * <ul>
 *   <li>technical score t = 0.5 * clamp((smaFast / smaSlow - 1) / trendScale, -1, 1) + 0.5 * (50 - RSI) / 50,
 *       in [-1, 1] (trend plus RSI mean reversion);
 *   <li>sentiment s in [-1, 1] and its confidence c_s from the series' sentiment columns; where no
 *       score is known ({@code NaN}) s = 0;
 *   <li>combined score S = 0.6 * s + 0.4 * t; confidence c = c_s where sentiment is known, else |t|;
 *   <li>BUY when S &gt; buyThreshold and c &gt;= minConfidence, SELL when S &lt; sellThreshold and c &gt;=
 *       minConfidence, else HOLD;
 *   <li>size fraction by confidence: 1.0 from 0.85, 0.75 from 0.75, otherwise 0.5.
 * </ul>
 *
 * <p>Every signal carries S as its score and c as its confidence. No signal before the fast and slow
 * SMAs and the RSI all exist, i.e. before index {@code max(slow - 1, rsiPeriod)}.
 */
public final class ZtradeCombined implements Strategy {

    /** The id users name. */
    public static final String ID = "ztrade-combined";

    /** Weight of sentiment in the combined score. */
    public static final double SENTIMENT_WEIGHT = 0.6;
    /** Weight of the technical score in the combined score. */
    public static final double TECHNICAL_WEIGHT = 0.4;

    /** Bars in the fast SMA. */
    public static final ParameterSpec FAST =
            ParameterSpec.ofInt("fast", 10, 1, 9_999, "bars in the fast SMA; must be less than slow");
    /** Bars in the slow SMA. */
    public static final ParameterSpec SLOW =
            ParameterSpec.ofInt("slow", 30, 2, 10_000, "bars in the slow SMA; must be greater than fast");
    /** RSI period. */
    public static final ParameterSpec RSI_PERIOD = ParameterSpec.ofInt("rsiPeriod", 14, 2, 1_000, "RSI period in bars");
    /** SMA divergence that saturates the trend term. */
    public static final ParameterSpec TREND_SCALE = ParameterSpec.ofDecimal(
            "trendScale", 0.02, 0, false, 1, true, "fast/slow - 1 at which the trend term reaches +-1 (0.02 is 2%)");
    /** Minimum confidence for a BUY or SELL. */
    public static final ParameterSpec MIN_CONFIDENCE =
            ParameterSpec.ofDecimal("minConfidence", 0.65, 0, true, 1, true, "confidence needed to act");
    /** Combined score above which to BUY. */
    public static final ParameterSpec BUY_THRESHOLD =
            ParameterSpec.ofDecimal("buyThreshold", 0.3, 0, false, 1, false, "BUY when the combined score is above it");
    /** Combined score below which to SELL. */
    public static final ParameterSpec SELL_THRESHOLD = ParameterSpec.ofDecimal(
            "sellThreshold", -0.3, -1, false, 0, false, "SELL when the combined score is below it");

    /** Id, rule and parameters, for the catalog. */
    public static final StrategyDescriptor DESCRIPTOR = new StrategyDescriptor(
            ID,
            "Combined score 0.6 * sentiment + 0.4 * technical (SMA trend and RSI); BUY above buyThreshold, SELL below"
                    + " sellThreshold, when the confidence reaches minConfidence; sized by confidence.",
            List.of(FAST, SLOW, RSI_PERIOD, TREND_SCALE, MIN_CONFIDENCE, BUY_THRESHOLD, SELL_THRESHOLD));

    /**
     * Validated parameters.
     *
     * @param fast          bars in the fast SMA, {@code 1 <= fast < slow}
     * @param slow          bars in the slow SMA, {@code <= 10000}
     * @param rsiPeriod     RSI period, {@code [2, 1000]}
     * @param trendScale    divergence that saturates the trend term, {@code (0, 1]}
     * @param minConfidence confidence needed to act, {@code [0, 1]}
     * @param buyThreshold  combined score to BUY above, {@code (0, 1)}
     * @param sellThreshold combined score to SELL below, {@code (-1, 0)}
     */
    public record Params(
            int fast,
            int slow,
            int rsiPeriod,
            double trendScale,
            double minConfidence,
            double buyThreshold,
            double sellThreshold)
            implements StrategyParams {

        /** All defaults: {@code 10, 30, 14, 0.02, 0.65, 0.3, -0.3}. */
        public static final Params DEFAULTS = new Params(10, 30, 14, 0.02, 0.65, 0.3, -0.3);

        public Params {
            FAST.checkRange(fast);
            SLOW.checkRange(slow);
            RSI_PERIOD.checkRange(rsiPeriod);
            TREND_SCALE.checkRange(trendScale);
            MIN_CONFIDENCE.checkRange(minConfidence);
            BUY_THRESHOLD.checkRange(buyThreshold);
            SELL_THRESHOLD.checkRange(sellThreshold);
            if (fast >= slow) {
                throw new InvalidParameterException("fast", "must be less than slow (" + slow + "), was " + fast);
            }
        }

        @Override
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(FAST.name(), fast);
            m.put(SLOW.name(), slow);
            m.put(RSI_PERIOD.name(), rsiPeriod);
            m.put(TREND_SCALE.name(), trendScale);
            m.put(MIN_CONFIDENCE.name(), minConfidence);
            m.put(BUY_THRESHOLD.name(), buyThreshold);
            m.put(SELL_THRESHOLD.name(), sellThreshold);
            return Collections.unmodifiableMap(m);
        }
    }

    private final Params params;

    public ZtradeCombined(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    static ZtradeCombined from(ParameterValues v) {
        return new ZtradeCombined(new Params(
                v.intValue(FAST.name()),
                v.intValue(SLOW.name()),
                v.intValue(RSI_PERIOD.name()),
                v.decimal(TREND_SCALE.name()),
                v.decimal(MIN_CONFIDENCE.name()),
                v.decimal(BUY_THRESHOLD.name()),
                v.decimal(SELL_THRESHOLD.name())));
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
        return Math.max(params.slow() - 1, params.rsiPeriod());
    }

    @Override
    public Strategy.Evaluator newEvaluator() {
        return new Evaluator(params);
    }

    @Override
    public String toString() {
        return ID + params.asMap();
    }

    /** The technical score t in [-1, 1] from the two SMAs and the RSI (0..100). */
    public static double technicalScore(double smaFast, double smaSlow, double rsi, double trendScale) {
        double trend = Math.max(-1, Math.min(1, (smaFast / smaSlow - 1) / trendScale));
        return 0.5 * trend + 0.5 * ((50 - rsi) / 50);
    }

    /** The size fraction for confidence {@code c}: 1.0 from 0.85, 0.75 from 0.75, otherwise 0.5. */
    public static double sizeFraction(double confidence) {
        if (confidence >= 0.85) {
            return 1.0;
        }
        if (confidence >= 0.75) {
            return 0.75;
        }
        return 0.5;
    }

    private static final class Evaluator implements Strategy.Evaluator {
        private final Params p;
        private final RollingSma fast;
        private final RollingSma slow;
        private final WilderRsi rsi;
        private int next;

        Evaluator(Params p) {
            this.p = p;
            this.fast = new RollingSma(p.fast());
            this.slow = new RollingSma(p.slow());
            this.rsi = new WilderRsi(p.rsiPeriod());
        }

        @Override
        public Signal onBar(BarSeries series, int index) {
            double[] close = series.closeColumn();
            if (index != next) {
                if (index < next) {
                    fast.reset();
                    slow.reset();
                    rsi.reset();
                    next = 0;
                }
                for (int i = next; i < index; i++) {
                    fast.update(close, i);
                    slow.update(close, i);
                    rsi.update(close, i);
                }
            }
            next = index + 1;
            double f = fast.update(close, index);
            double s = slow.update(close, index);
            double r = rsi.update(close, index);
            if (Double.isNaN(f) || Double.isNaN(s) || Double.isNaN(r)) {
                return Signal.HOLD;
            }
            double t = technicalScore(f, s, r, p.trendScale());
            double sentiment = series.sentimentColumn()[index];
            boolean known = !Double.isNaN(sentiment);
            double score = SENTIMENT_WEIGHT * (known ? sentiment : 0) + TECHNICAL_WEIGHT * t;
            double confidence = known ? series.sentimentConfidenceColumn()[index] : Math.abs(t);
            if (confidence >= p.minConfidence()) {
                if (score > p.buyThreshold()) {
                    return new Signal(Action.BUY, sizeFraction(confidence), score, confidence);
                }
                if (score < p.sellThreshold()) {
                    return new Signal(Action.SELL, sizeFraction(confidence), score, confidence);
                }
            }
            return new Signal(Action.HOLD, 0, score, confidence);
        }
    }
}
