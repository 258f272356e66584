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
import org.junit.jupiter.api.Test;

class MomentumTest {

    /*
     * period=2
     * i  close  roc = close[i]/close[i-2] - 1
     * 2  106    0.06
     * 3  104    0.04
     * 4   98   -0.0755
     * 5   99   -0.0481
     */
    private static final BarSeries SERIES = TestBars.closes(100, 100, 106, 104, 98, 99);

    @Test
    void shouldSignalOutsideTheThresholdBand() {
        Momentum strategy = new Momentum(new Momentum.Params(2, 0.05));

        assertThat(actions(strategy, SERIES)).containsExactly(HOLD, HOLD, BUY, HOLD, SELL, HOLD);
        assertThat(signals(strategy, SERIES).get(2).score()).isCloseTo(0.06, within(1e-12));
    }

    @Test
    void shouldFollowTheSignOfTheRateOfChangeWithZeroThreshold() {
        Momentum strategy = new Momentum(new Momentum.Params(2, 0));

        assertThat(actions(strategy, SERIES)).containsExactly(HOLD, HOLD, BUY, BUY, SELL, SELL);
    }

    @Test
    void shouldHoldWhenThePriceIsUnchanged() {
        assertThat(actions(new Momentum(Momentum.Params.DEFAULTS), TestBars.closes(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5)))
                .containsOnly(HOLD);
    }

    @Test
    void shouldRejectNegativeOrHugeThresholdsAndZeroPeriod() {
        assertThatThrownBy(() -> new Momentum.Params(10, -0.01))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("threshold"));
        assertThatThrownBy(() -> new Momentum.Params(10, 10))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("threshold"));
        assertThatThrownBy(() -> new Momentum.Params(0, 0))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("period"));
    }
}
