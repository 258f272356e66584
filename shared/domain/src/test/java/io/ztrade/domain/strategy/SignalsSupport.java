package io.ztrade.domain.strategy;

import io.ztrade.domain.market.BarSeries;
import java.util.ArrayList;
import java.util.List;

/** Runs an evaluator over a whole series the way the engine does, for assertions on signals. */
final class SignalsSupport {

    private SignalsSupport() {}

    static List<Signal> signals(Strategy strategy, BarSeries series) {
        Strategy.Evaluator evaluator = strategy.newEvaluator();
        List<Signal> out = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            out.add(evaluator.onBar(series, i));
        }
        return out;
    }

    static List<Action> actions(Strategy strategy, BarSeries series) {
        return signals(strategy, series).stream().map(Signal::action).toList();
    }
}
