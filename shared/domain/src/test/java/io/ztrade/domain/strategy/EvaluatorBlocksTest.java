package io.ztrade.domain.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.domain.TestBars;
import io.ztrade.domain.market.BarSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Evaluating in blocks ({@code onBars}) gives exactly the signals of one {@code onBar} call per bar. */
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

    @Test
    void shouldGiveTheSameSignalsInBlocksOfAnySize() {
        BarSeries s = series();
        for (Strategy strategy : strategies()) {
            List<Signal> oneByOne = SignalsSupport.signals(strategy, s);
            assertThat(oneByOne).as("%s signals something", strategy).anyMatch(sig -> sig.action() != Action.HOLD);
            for (int block : new int[] {1, 7, 29, 1024}) {
                Strategy.Evaluator evaluator = strategy.newEvaluator();
                List<Signal> blocked = new ArrayList<>();
                Signal[] buffer = new Signal[block];
                for (int from = 0; from < s.size(); from += block) {
                    int to = Math.min(s.size(), from + block);
                    Arrays.fill(buffer, null);
                    evaluator.onBars(s, from, to, buffer);
                    blocked.addAll(Arrays.asList(buffer).subList(0, to - from));
                }
                assertThat(blocked).as("%s in blocks of %d", strategy, block).isEqualTo(oneByOne);
            }
        }
    }

    @Test
    void shouldMixSingleBarsAndBlocksAndSkipAhead() {
        BarSeries s = series();
        for (Strategy strategy : strategies()) {
            List<Signal> expected = SignalsSupport.signals(strategy, s);
            Strategy.Evaluator evaluator = strategy.newEvaluator();
            Signal[] buffer = new Signal[100];

            assertThat(evaluator.onBar(s, 0)).isEqualTo(expected.get(0));
            evaluator.onBars(s, 1, 101, buffer);
            assertThat(Arrays.asList(buffer)).isEqualTo(expected.subList(1, 101));
            // skip bars 101..499: the evaluator catches up on its own
            assertThat(evaluator.onBar(s, 500)).as("%s after a gap", strategy).isEqualTo(expected.get(500));
            evaluator.onBars(s, 600, 700, buffer);
            assertThat(Arrays.asList(buffer)).isEqualTo(expected.subList(600, 700));
            // going back starts over
            evaluator.onBars(s, 50, 150, buffer);
            assertThat(Arrays.asList(buffer)).as("%s after going back", strategy).isEqualTo(expected.subList(50, 150));
        }
    }
}
