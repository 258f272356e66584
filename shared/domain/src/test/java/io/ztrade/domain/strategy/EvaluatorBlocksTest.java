package io.ztrade.domain.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.domain.TestBars;
import io.ztrade.domain.market.BarSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Evaluating in blocks ({@code onBars}) reports exactly the BUYs and SELLs, at the same bars, of one
 * {@code onBar} call per bar.
 */
class EvaluatorBlocksTest {

    private static BarSeries series() {
        BarSeries s = TestBars.randomWalk(1_500, 99);
        Random random = new Random(5);
        for (int i = 0; i < s.size(); i += 2) {
            s.setSentiment(i, 2 * random.nextDouble() - 1, random.nextDouble());
        }
        return s;
    }

    private static List<Strategy> strategies() {
        return List.of(
                Strategies.create("sma-crossover", Map.of()),
                Strategies.create("sma-crossover", Map.of("fast", 1, "slow", 2)),
                Strategies.create("rsi-mean-reversion", Map.of()),
                Strategies.create("momentum", Map.of("threshold", 0.01)),
                Strategies.create("ztrade-combined", Map.of("minConfidence", 0.3)));
    }

    /** The BUYs and SELLs of bars from..to-1 as "index:signal" strings, one onBar call per bar. */
    private static List<String> expected(List<Signal> all, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (all.get(i).action() != Action.HOLD) {
                out.add(i + ":" + all.get(i));
            }
        }
        return out;
    }

    private static List<String> block(Strategy.Evaluator evaluator, BarSeries s, int from, int to) {
        int[] indexes = new int[to - from];
        Signal[] signals = new Signal[to - from];
        int count = evaluator.onBars(s, from, to, indexes, signals);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            out.add(indexes[k] + ":" + signals[k]);
        }
        return out;
    }

    @Test
    void shouldReportTheSameSignalsInBlocksOfAnySize() {
        BarSeries s = series();
        for (Strategy strategy : strategies()) {
            List<Signal> oneByOne = SignalsSupport.signals(strategy, s);
            List<String> expected = expected(oneByOne, 0, s.size());
            assertThat(expected).as("%s signals something", strategy).hasSizeGreaterThan(3);
            for (int size : new int[] {1, 7, 29, 1024}) {
                Strategy.Evaluator evaluator = strategy.newEvaluator();
                List<String> blocked = new ArrayList<>();
                for (int from = 0; from < s.size(); from += size) {
                    blocked.addAll(block(evaluator, s, from, Math.min(s.size(), from + size)));
                }
                assertThat(blocked).as("%s in blocks of %d", strategy, size).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldMixSingleBarsAndBlocksAndSkipAhead() {
        BarSeries s = series();
        for (Strategy strategy : strategies()) {
            List<Signal> all = SignalsSupport.signals(strategy, s);
            Strategy.Evaluator evaluator = strategy.newEvaluator();

            assertThat(evaluator.onBar(s, 0)).isEqualTo(all.get(0));
            assertThat(block(evaluator, s, 1, 101)).isEqualTo(expected(all, 1, 101));
            // skip bars 101..499: the evaluator catches up on its own
            assertThat(evaluator.onBar(s, 500)).as("%s after a gap", strategy).isEqualTo(all.get(500));
            assertThat(block(evaluator, s, 600, 900)).as("%s block after a gap", strategy).isEqualTo(expected(all, 600, 900));
            // going back starts over
            assertThat(block(evaluator, s, 50, 450)).as("%s after going back", strategy).isEqualTo(expected(all, 50, 450));
            assertThat(evaluator.onBar(s, 450)).isEqualTo(all.get(450));
        }
    }
}
