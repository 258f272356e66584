package io.ztrade.domain.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ztrade.domain.TestBars;
import io.ztrade.domain.market.BarSeries;
import io.ztrade.domain.market.Instruments;
import io.ztrade.domain.strategy.Signal;
import org.junit.jupiter.api.Test;

/**
 * Metrics on an equity curve small enough to write down. Capital 1000, no costs; BUY at bar 0 fills
 * 10 shares at bar 1's open (100), SELL at bar 3 fills at bar 4's open (120).
 *
 * <pre>
 * bar  open  close  position  equity at close   return
 * 0    100   100    -         1000
 * 1    100   110    10        1100              +0.1
 * 2    105    99    10         990              -0.1
 * 3    100   121    10        1210              +2/9
 * 4    120   118    -         1200              -1/121
 * 5    118   119    -         1200               0
 * </pre>
 */
class MetricsByHandTest {

    private static final double EPS = 1e-12;
    private static final double[] R = {0.1, -0.1, 2.0 / 9, -1.0 / 121, 0};

    private static Metrics run(double riskFreeRate) {
        BarSeries s = TestBars.bars(
                Instruments.AAPL, new double[] {100, 100, 105, 100, 120, 118}, new double[] {100, 110, 99, 121, 118, 119});
        return new BacktestEngine()
                .run(s, ScriptedStrategy.of(0, Signal.BUY, 3, Signal.SELL), new BacktestConfig(1_000, 0, 0, 0, riskFreeRate))
                .metrics();
    }

    private static double mean() {
        return (R[0] + R[1] + R[2] + R[3] + R[4]) / 5;
    }

    private static double sampleStdev() {
        double m = mean();
        double ss = 0;
        for (double r : R) {
            ss += (r - m) * (r - m);
        }
        return Math.sqrt(ss / 4);
    }

    @Test
    void shouldComputeReturnDrawdownExposureAndTrades() {
        Metrics m = run(0);

        assertThat(m.finalEquity()).isEqualTo(1_200);
        assertThat(m.totalReturn()).isCloseTo(0.2, within(EPS));
        assertThat(m.maxDrawdown()).isCloseTo((1100.0 - 990) / 1100, within(EPS)); // 10%, not the 1210 -> 1200 dip
        assertThat(m.exposure()).isCloseTo(3.0 / 6, within(EPS)); // bars 1, 2, 3
        assertThat(m.trades()).isEqualTo(1);
        assertThat(m.winRate()).isEqualTo(1.0);
        assertThat(m.profitFactor()).isNaN(); // no losing trade
        assertThat(m.commissions()).isZero();
    }

    @Test
    void shouldAnnualiseCagrOverCalendarTime() {
        // five days from the first to the last bar
        assertThat(run(0).cagr()).isCloseTo(Math.pow(1.2, 365.25 / 5) - 1, within(1e-9 * Math.pow(1.2, 73.05)));
    }

    @Test
    void shouldComputeSharpeAndSortinoWithoutRiskFreeRate() {
        Metrics m = run(0);
        double downside = Math.sqrt((0.1 * 0.1 + (1.0 / 121) * (1.0 / 121)) / 5);

        assertThat(m.sharpe()).isCloseTo(mean() / sampleStdev() * Math.sqrt(252), within(EPS));
        assertThat(m.sortino()).isCloseTo(mean() / downside * Math.sqrt(252), within(EPS));
    }

    @Test
    void shouldSubtractThePerBarRiskFreeRate() {
        // 2.52% a year over 252 daily bars = 0.0001 a bar; every return below it counts as downside
        Metrics m = run(0.0252);
        double rf = 0.0001;
        double down = 0;
        for (double r : R) {
            double d = Math.min(0, r - rf);
            down += d * d;
        }

        assertThat(m.sharpe()).isCloseTo((mean() - rf) / sampleStdev() * Math.sqrt(252), within(EPS));
        assertThat(m.sortino()).isCloseTo((mean() - rf) / Math.sqrt(down / 5) * Math.sqrt(252), within(EPS));
    }
}
