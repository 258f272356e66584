package io.ztrade.domain.strategy;

import static io.ztrade.domain.strategy.Action.BUY;
import static io.ztrade.domain.strategy.Action.HOLD;
import static io.ztrade.domain.strategy.Action.SELL;
import static io.ztrade.domain.strategy.SignalsSupport.actions;
import static io.ztrade.domain.strategy.SignalsSupport.signals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ztrade.domain.TestBars;
import io.ztrade.domain.market.BarSeries;
import java.util.List;
import org.junit.jupiter.api.Test;

class RsiMeanReversionTest {

    /*
     * period=2 (alpha 0.5), oversold 30, overbought 70
     * i  close  gain loss  avgGain avgLoss  RSI
     * 2  12     1    0     1       0        100     (seeded with this bar's gain/loss)  SELL
     * 3  11     0    1     0.5     0.5      50                                        HOLD
     * 4  10     0    1     0.25    0.75     25                                        BUY
     * 5   9     0    1     0.125   0.875    12.5                                      BUY
     * 6  10     1    0     0.5625  0.4375   56.25                                     HOLD
     */
    private static final BarSeries SERIES = TestBars.closes(10, 11, 12, 11, 10, 9, 10);

    @Test
    void shouldBuyBelowOversoldAndSellAboveOverbought() {
        RsiMeanReversion strategy = new RsiMeanReversion(new RsiMeanReversion.Params(2, 30, 70));

        assertThat(actions(strategy, SERIES)).containsExactly(HOLD, HOLD, SELL, HOLD, BUY, BUY, HOLD);
    }

    @Test
    void shouldCarryTheRsiAsScore() {
        List<Signal> signals = signals(new RsiMeanReversion(new RsiMeanReversion.Params(2, 30, 70)), SERIES);

        assertThat(signals.get(2).score()).isEqualTo(100);
        assertThat(signals.get(4).score()).isCloseTo(25, within(1e-12));
        assertThat(signals.get(5).score()).isCloseTo(12.5, within(1e-12));
        assertThat(signals.get(4).sizeFraction()).isEqualTo(1);
    }

    @Test
    void shouldRespectCustomThresholds() {
        // only 12.5 is below 20, only the seeded 100 is above 99.9
        RsiMeanReversion strategy = new RsiMeanReversion(new RsiMeanReversion.Params(2, 20, 99.9));

        assertThat(actions(strategy, SERIES)).containsExactly(HOLD, HOLD, SELL, HOLD, HOLD, BUY, HOLD);
    }

    @Test
    void shouldCatchUpWhenAskedForALaterBar() {
        Strategy.Evaluator evaluator = new RsiMeanReversion(new RsiMeanReversion.Params(2, 30, 70)).newEvaluator();

        assertThat(evaluator.onBar(SERIES, 5).score()).isCloseTo(12.5, within(1e-12));
    }

    @Test
    void shouldRejectOversoldNotBelowOverbought() {
        assertThatThrownBy(() -> new RsiMeanReversion.Params(14, 70, 70))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("oversold"));
        assertThatThrownBy(() -> new RsiMeanReversion.Params(1, 30, 70))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("period"));
        assertThatThrownBy(() -> new RsiMeanReversion.Params(14, 0, 70))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("oversold"));
        assertThatThrownBy(() -> new RsiMeanReversion.Params(14, 30, 100))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("overbought"));
    }
}
