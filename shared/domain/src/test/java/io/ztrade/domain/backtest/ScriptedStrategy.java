package io.ztrade.domain.backtest;

import io.ztrade.domain.strategy.Signal;
import io.ztrade.domain.strategy.Strategy;
import io.ztrade.domain.strategy.StrategyParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A strategy that emits given signals at given indexes and HOLD elsewhere, recording every call. */
class ScriptedStrategy implements Strategy {

    private final Map<Integer, Signal> script;
    final List<Integer> calls = new ArrayList<>();

    ScriptedStrategy(Map<Integer, Signal> script) {
        this.script = Map.copyOf(script);
    }

    static ScriptedStrategy of(Object... indexThenSignal) {
        java.util.HashMap<Integer, Signal> m = new java.util.HashMap<>();
        for (int k = 0; k < indexThenSignal.length; k += 2) {
            m.put((Integer) indexThenSignal[k], (Signal) indexThenSignal[k + 1]);
        }
        return new ScriptedStrategy(m);
    }

    @Override
    public String id() {
        return "scripted";
    }

    @Override
    public StrategyParams params() {
        return Map::of;
    }

    @Override
    public int warmupBars() {
        return 0;
    }

    @Override
    public Evaluator newEvaluator() {
        return (series, index) -> {
            calls.add(index);
            return script.getOrDefault(index, Signal.HOLD);
        };
    }
}
