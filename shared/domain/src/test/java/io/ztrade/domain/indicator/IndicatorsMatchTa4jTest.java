package io.ztrade.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ztrade.domain.TestBars;
import io.ztrade.domain.market.BarSeries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.Num;

/**
 * Reference check: every indicator value equals ta4j 0.22.2's on the same seeded random walk, to 1e-9
 * (relative for prices, absolute for RSI points and ROC).
 */
class IndicatorsMatchTa4jTest {

    private static final int BARS = 3_000;
    private static final double TOLERANCE = 1e-9;

    private static BarSeries series;
    private static double[] close;
    private static ClosePriceIndicator ta4jClose;

    @BeforeAll
    static void setUp() {
        series = TestBars.randomWalk(BARS, 42);
        close = series.closeColumn();
        ta4jClose = new ClosePriceIndicator(TestBars.toTa4j(series));
    }

    @Test
    void smaEqualsTa4jSmaForSeveralPeriods() {
        for (int period : new int[] {1, 2, 10, 30, 200}) {
            RollingSma sma = new RollingSma(period);
            SMAIndicator ref = new SMAIndicator(ta4jClose, period);
            int compared = 0;
            for (int i = 0; i < BARS; i++) {
                double mine = sma.update(close, i);
                if (i < period - 1) {
                    assertThat(mine).as("SMA(%d) before it exists at %d", period, i).isNaN();
                    continue;
                }
                double theirs = value(ref, i);
                assertThat(mine).as("SMA(%d) at %d", period, i).isCloseTo(theirs, within(TOLERANCE * theirs));
                compared++;
            }
            assertThat(compared).isEqualTo(BARS - period + 1);
        }
    }

    @Test
    void rsiEqualsTa4jRsiForSeveralPeriods() {
        for (int period : new int[] {2, 14, 50}) {
            WilderRsi rsi = new WilderRsi(period);
            RSIIndicator ref = new RSIIndicator(ta4jClose, period);
            for (int i = 0; i < BARS; i++) {
                double mine = rsi.update(close, i);
                double theirs = value(ref, i);
                if (i < period) {
                    assertThat(mine).as("RSI(%d) before index %d", period, period).isNaN();
                    assertThat(theirs).isNaN();
                    continue;
                }
                assertThat(mine).as("RSI(%d) at %d", period, i).isCloseTo(theirs, within(TOLERANCE));
            }
        }
    }

    @Test
    void rateOfChangeEqualsTa4jRocInPercent() {
        for (int period : new int[] {1, 10, 250}) {
            ROCIndicator ref = new ROCIndicator(ta4jClose, period);
            for (int i = period; i < BARS; i++) {
                double mine = RateOfChange.at(close, i, period);
                assertThat(mine * 100).as("ROC(%d) at %d", period, i).isCloseTo(value(ref, i), within(TOLERANCE));
            }
            assertThat(RateOfChange.at(close, period - 1, period)).isNaN();
        }
    }

    @Test
    void rsiIsHundredWithoutLossesAndZeroWithoutAnyMove() {
        WilderRsi rising = new WilderRsi(2);
        double[] up = {1, 2, 3, 4};
        double last = Double.NaN;
        for (int i = 0; i < up.length; i++) {
            last = rising.update(up, i);
        }
        assertThat(last).isEqualTo(100);

        WilderRsi flat = new WilderRsi(2);
        double[] same = {5, 5, 5, 5};
        for (int i = 0; i < same.length; i++) {
            last = flat.update(same, i);
        }
        assertThat(last).isEqualTo(0);
    }

    private static double value(Indicator<Num> indicator, int i) {
        return indicator.getValue(i).doubleValue();
    }
}
