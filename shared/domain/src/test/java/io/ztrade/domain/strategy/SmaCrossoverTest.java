package io.ztrade.domain.strategy;

import static io.ztrade.domain.strategy.Action.BUY;
import static io.ztrade.domain.strategy.Action.HOLD;
import static io.ztrade.domain.strategy.Action.SELL;
import static io.ztrade.domain.strategy.SignalsSupport.actions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.domain.TestBars;
import io.ztrade.domain.market.BarSeries;
import org.junit.jupiter.api.Test;

class SmaCrossoverTest {

    /*
     * fast=2, slow=3
     * i  close  fast   slow
     * 2  10     10     10       first bar with both: no signal (no previous pair)
     * 3  11     10.5   10.33    crossed above (10 <= 10 before)   BUY
     * 4  12     11.5   11       still above                       HOLD
     * 5   9     10.5   10.67    crossed below                     SELL
     * 6   8     8.5    9.67                                       HOLD
     * 7   8     8      8.33                                       HOLD
     * 8  12     10     9.33     crossed above                     BUY
     */
    @Test
    void shouldBuyOnCrossAboveAndSellOnCrossBelow() {
        BarSeries s = TestBars.closes(10, 10, 10, 11, 12, 9, 8, 8, 12);

        assertThat(actions(new SmaCrossover(2, 3), s)).containsExactly(HOLD, HOLD, HOLD, BUY, HOLD, SELL, HOLD, HOLD, BUY);
    }

    @Test
    void shouldNotSignalBeforeBothSmasExist() {
        // at index 2 fast (3) < slow (3.67) and at index 1 only the fast SMA exists: no SELL there;
        // index 3 (fast 5.5 > slow 5.33, fast < slow before) is the first possible signal
        BarSeries s = TestBars.closes(5, 5, 1, 10);

        assertThat(actions(new SmaCrossover(2, 3), s)).containsExactly(HOLD, HOLD, HOLD, BUY);
    }

    @Test
    void shouldNotSignalWhileTheFastSmaStaysAbove() {
        BarSeries s = TestBars.closes(1, 2, 3, 4, 5, 6, 7, 8);

        assertThat(actions(new SmaCrossover(2, 4), s)).containsOnly(HOLD);
    }

    @Test
    void shouldTreatTouchingFromBelowThenRisingAsCrossAbove() {
        // fast == slow at index 3 (both 10), fast > slow at index 4: fast <= slow on the previous bar
        BarSeries s = TestBars.closes(10, 10, 10, 10, 12);

        assertThat(actions(new SmaCrossover(1, 3), s)).containsExactly(HOLD, HOLD, HOLD, HOLD, BUY);
    }

    @Test
    void shouldCatchUpWhenTheLiveLoopAsksForTheNewestBarOnly() {
        BarSeries s = TestBars.closes(10, 10, 10, 11, 12, 9, 8, 8, 12);
        Strategy.Evaluator evaluator = new SmaCrossover(2, 3).newEvaluator();

        assertThat(evaluator.onBar(s, 3).action()).isEqualTo(BUY);
        assertThat(evaluator.onBar(s, 5).action()).isEqualTo(SELL);
        assertThat(evaluator.onBar(s, 8).action()).isEqualTo(BUY);
        // going back starts over and gives the same answer
        assertThat(evaluator.onBar(s, 5).action()).isEqualTo(SELL);
    }

    @Test
    void shouldSeeBarsAppendedAfterTheEvaluatorWasCreated() {
        BarSeries s = TestBars.closes(10, 10, 10);
        Strategy.Evaluator evaluator = new SmaCrossover(2, 3).newEvaluator();
        for (int i = 0; i < 3; i++) {
            assertThat(evaluator.onBar(s, i).action()).isEqualTo(HOLD);
        }
        for (int i = 0; i < 40; i++) { // forces the columns to grow and be replaced
            s.add(s.timeColumn()[s.size() - 1] + 86_400_000L, 11, 11, 11, 11, 1);
        }
        assertThat(evaluator.onBar(s, 3).action()).isEqualTo(BUY);
    }

    @Test
    void shouldStartSignallingAtIndexSlow() {
        SmaCrossover strategy = new SmaCrossover(10, 30);

        assertThat(strategy.warmupBars()).isEqualTo(30);
        assertThat(strategy.id()).isEqualTo("sma-crossover");
        assertThat(strategy.params().asMap()).containsExactly(
                java.util.Map.entry("fast", 10), java.util.Map.entry("slow", 30));
    }

    @Test
    void shouldRejectFastNotBelowSlow() {
        assertThatThrownBy(() -> new SmaCrossover(30, 30))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("fast"));
        assertThatThrownBy(() -> new SmaCrossover(0, 30))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("fast"));
        assertThatThrownBy(() -> new SmaCrossover(10, 10_001))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("slow"));
    }
}
