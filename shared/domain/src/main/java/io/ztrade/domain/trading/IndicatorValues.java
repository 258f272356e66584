package io.ztrade.domain.trading;

import io.ztrade.domain.indicator.RateOfChange;
import io.ztrade.domain.indicator.WilderRsi;
import io.ztrade.domain.market.BarSeries;
import io.ztrade.domain.strategy.Signal;
import io.ztrade.domain.strategy.Strategy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The indicator values behind a strategy's signal at one bar, for the decision's reasoning. Keys:
 * {@code close}, then per strategy {@code smaFast}/{@code smaSlow} (sma-crossover, ztrade-combined),
 * {@code rsi} (rsi-mean-reversion, ztrade-combined), {@code roc} (momentum), {@code sentiment} and
 * {@code sentimentConfidence} (ztrade-combined, from the series), then the signal's {@code score} and
 * {@code confidence}. Undefined values (NaN) are left out, so the map encodes as plain JSON.
 */
final class IndicatorValues {

    private IndicatorValues() {}

    static Map<String, Double> at(Strategy strategy, BarSeries bars, int index, Signal signal) {
        Map<String, Double> m = new LinkedHashMap<>();
        double[] close = bars.closeColumn();
        put(m, "close", close[index]);
        Map<String, Object> p = strategy.params().asMap();
        switch (strategy.id()) {
            case "sma-crossover" -> {
                put(m, "smaFast", sma(close, index, intParam(p, "fast")));
                put(m, "smaSlow", sma(close, index, intParam(p, "slow")));
            }
            case "rsi-mean-reversion" -> put(m, "rsi", rsi(close, index, intParam(p, "period")));
            case "momentum" -> {
                int period = intParam(p, "period");
                put(m, "roc", index >= period ? RateOfChange.at(close, index, period) : Double.NaN);
            }
            case "ztrade-combined" -> {
                put(m, "smaFast", sma(close, index, intParam(p, "fast")));
                put(m, "smaSlow", sma(close, index, intParam(p, "slow")));
                put(m, "rsi", rsi(close, index, intParam(p, "rsiPeriod")));
                put(m, "sentiment", bars.sentimentColumn()[index]);
                put(m, "sentimentConfidence", bars.sentimentConfidenceColumn()[index]);
            }
            default -> {
                // a strategy without known indicators reports its signal only
            }
        }
        put(m, "score", signal.score());
        put(m, "confidence", signal.confidence());
        return m;
    }

    private static int intParam(Map<String, Object> p, String name) {
        return ((Number) p.get(name)).intValue();
    }

    private static double sma(double[] close, int index, int period) {
        if (index + 1 < period) {
            return Double.NaN;
        }
        double s = 0;
        for (int k = index - period + 1; k <= index; k++) {
            s += close[k];
        }
        return s / period;
    }

    private static double rsi(double[] close, int index, int period) {
        WilderRsi rsi = new WilderRsi(period);
        double v = Double.NaN;
        for (int k = 0; k <= index; k++) {
            v = rsi.update(close, k);
        }
        return v;
    }

    private static void put(Map<String, Double> m, String key, double v) {
        if (!Double.isNaN(v)) {
            m.put(key, v);
        }
    }
}
