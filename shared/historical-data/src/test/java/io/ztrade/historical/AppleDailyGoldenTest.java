package io.ztrade.historical;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.domain.backtest.BacktestConfig;
import io.ztrade.domain.backtest.BacktestEngine;
import io.ztrade.domain.backtest.BacktestResult;
import io.ztrade.domain.backtest.Fill;
import io.ztrade.domain.backtest.Metrics;
import io.ztrade.domain.backtest.Side;
import io.ztrade.domain.market.BarSeries;
import io.ztrade.domain.strategy.Action;
import io.ztrade.domain.strategy.SmaCrossover;
import io.ztrade.domain.strategy.Strategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Trade;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * Golden test on real data: SMA 10/30 crossover over the 252 AAPL daily bars of 2013, capital 10,000,
 * commission 1 per fill, 5 bps slippage, risk-free rate 2%.
 *
 * <p>Checked three independent ways:
 *
 * <ul>
 *   <li>fills against a table worked out in exact decimal arithmetic from the CSV (signal at the close
 *       of bar i from SMAs summed afresh, fill at bar i+1's open +-5 bps rounded against the trader to
 *       the cent, the most whole shares that cash minus the 1.00 commission buys);
 *   <li>every metric against a naive computation in this test: the equity curve rebuilt bar by bar
 *       from the fills, then textbook two-pass formulas;
 *   <li>entry and exit bars against ta4j's {@code BarSeriesManager} with {@code TradeOnNextOpenModel}.
 * </ul>
 *
 * Tolerance: 1e-9 relative (absolute below 1) for every floating-point comparison; fill prices and
 * quantities are exact.
 */
class AppleDailyGoldenTest {

    private static final double TOLERANCE = 1e-9;
    private static final int FAST = 10;
    private static final int SLOW = 30;
    private static final BacktestConfig CONFIG = new BacktestConfig(10_000, 1, 0, 5, 0.02);

    private static BarSeries series;
    private static BacktestResult result;

    @BeforeAll
    static void run() {
        series = HistoricalDataset.AAPL_DAILY.series();
        result = new BacktestEngine().run(series, new SmaCrossover(FAST, SLOW), CONFIG);
    }

    @Test
    void firstFillIsTheOpenAfterTheFirstCrossRoundedUpWithSlippage() {
        Fill first = result.fills().get(0);

        // fast SMA crosses above the slow one at the close of bar 56 (2013-03-25)
        assertThat(first.barIndex()).isEqualTo(57);
        assertThat(Instant.ofEpochMilli(first.timeMillis())).isEqualTo(Instant.parse("2013-03-26T00:00:00Z"));
        // open 465.44 * 1.0005 = 465.67272, rounded up to the cent
        assertThat(series.openColumn()[57]).isEqualTo(465.44);
        assertThat(first.price()).isEqualTo(465.68);
        // (10000 - 1) / 465.68 = 21.47 -> 21 shares; cash left 10000 - 21 * 465.68 - 1 = 219.72
        assertThat(first.quantity()).isEqualTo(21);
        assertThat(first.commission()).isEqualTo(1);
    }

    @Test
    void fillsEqualTheTableWorkedOutInExactDecimals() {
        // bar, side, open, price, shares, realized P&L (after both commissions)
        Object[][] expected = {
            {57, Side.BUY, 465.44, 465.68, 21, 0.0},
            {66, Side.SELL, 426.36, 426.14, 21, -832.34},
            {86, Side.BUY, 464.97, 465.21, 19, 0.0},
            {110, Side.SELL, 435.74, 435.52, 19, -566.11},
            {136, Side.BUY, 433.38, 433.60, 19, 0.0},
            {178, Side.SELL, 447.96, 447.73, 19, 266.47},
            {192, Side.BUY, 486.56, 486.81, 18, 0.0},
        };
        assertThat(result.fills()).hasSize(expected.length);
        for (int k = 0; k < expected.length; k++) {
            Fill f = result.fills().get(k);
            Object[] row = expected[k];
            assertThat(f.barIndex()).as("fill %d bar", k).isEqualTo(row[0]);
            assertThat(f.side()).as("fill %d side", k).isEqualTo(row[1]);
            assertThat(series.openColumn()[f.barIndex()]).as("fill %d open", k).isEqualTo(row[2]);
            assertThat(f.price()).as("fill %d price", k).isEqualTo(row[3]);
            assertThat(f.quantity()).as("fill %d shares", k).isEqualTo(((Integer) row[4]).doubleValue());
            assertClose("fill " + k + " pnl", f.realizedPnl(), (Double) row[5]);
        }
        // 104.44 cash and 18 shares at the last close, 561.02
        assertClose("final equity", result.metrics().finalEquity(), 10_202.80);
        assertThat(result.metrics().trades()).isEqualTo(3);
        assertThat(result.metrics().winRate()).isEqualTo(1.0 / 3);
    }

    @Test
    void signalsEqualCrossesOfSmasSummedAfresh() {
        Strategy.Evaluator evaluator = new SmaCrossover(FAST, SLOW).newEvaluator();
        double[] close = series.closeColumn();
        for (int i = 0; i < series.size(); i++) {
            Action expected = Action.HOLD;
            if (i >= SLOW) {
                double f = mean(close, i, FAST);
                double s = mean(close, i, SLOW);
                double pf = mean(close, i - 1, FAST);
                double ps = mean(close, i - 1, SLOW);
                if (f > s && pf <= ps) {
                    expected = Action.BUY;
                } else if (f < s && pf >= ps) {
                    expected = Action.SELL;
                }
            }
            assertThat(evaluator.onBar(series, i).action()).as("signal at bar %d", i).isEqualTo(expected);
        }
    }

    @Test
    void everyMetricEqualsTheNaiveComputationFromTheRebuiltEquityCurve() {
        int n = series.size();
        double[] close = series.closeColumn();
        long[] time = series.timeColumn();

        // equity at every close, rebuilt from the fills
        double[] equity = new double[n];
        boolean[] holding = new boolean[n];
        double cash = CONFIG.initialCapital();
        double shares = 0;
        int next = 0;
        List<Double> pnls = new ArrayList<>();
        double commissions = 0;
        for (int i = 0; i < n; i++) {
            while (next < result.fills().size() && result.fills().get(next).barIndex() == i) {
                Fill f = result.fills().get(next++);
                commissions += f.commission();
                if (f.side() == Side.BUY) {
                    cash -= f.price() * f.quantity() + f.commission();
                    shares += f.quantity();
                } else {
                    cash += f.price() * f.quantity() - f.commission();
                    shares -= f.quantity();
                    pnls.add(f.realizedPnl());
                }
            }
            equity[i] = cash + shares * close[i];
            holding[i] = shares > 0;
        }

        double periodsPerYear = 252; // daily equity bars
        double rf = CONFIG.riskFreeRate() / periodsPerYear;
        double[] r = new double[n - 1];
        for (int i = 1; i < n; i++) {
            r[i - 1] = equity[i] / equity[i - 1] - 1;
        }
        double mean = sum(r) / r.length;
        double squares = 0;
        double downside = 0;
        for (double x : r) {
            squares += (x - mean) * (x - mean);
            downside += Math.pow(Math.min(0, x - rf), 2);
        }
        double sharpe = (mean - rf) / Math.sqrt(squares / (r.length - 1)) * Math.sqrt(periodsPerYear);
        double sortino = (mean - rf) / Math.sqrt(downside / r.length) * Math.sqrt(periodsPerYear);
        double maxDrawdown = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                maxDrawdown = Math.max(maxDrawdown, 1 - equity[j] / equity[i]);
            }
        }
        double years = Duration.ofMillis(time[n - 1] - time[0]).toMillis() / (365.25 * 86_400_000);
        double finalEquity = equity[n - 1];
        double cagr = Math.pow(finalEquity / CONFIG.initialCapital(), 1 / years) - 1;
        long wins = pnls.stream().filter(p -> p > 0).count();
        double gains = pnls.stream().filter(p -> p > 0).mapToDouble(Double::doubleValue).sum();
        double losses = -pnls.stream().filter(p -> p < 0).mapToDouble(Double::doubleValue).sum();
        int exposed = 0;
        for (boolean h : holding) {
            exposed += h ? 1 : 0;
        }

        Metrics m = result.metrics();
        assertClose("totalReturn", m.totalReturn(), finalEquity / CONFIG.initialCapital() - 1);
        assertClose("cagr", m.cagr(), cagr);
        assertClose("sharpe", m.sharpe(), sharpe);
        assertClose("sortino", m.sortino(), sortino);
        assertClose("maxDrawdown", m.maxDrawdown(), maxDrawdown);
        assertClose("winRate", m.winRate(), (double) wins / pnls.size());
        assertThat(m.trades()).isEqualTo(pnls.size());
        assertClose("profitFactor", m.profitFactor(), gains / losses);
        assertClose("exposure", m.exposure(), (double) exposed / n);
        assertClose("commissions", m.commissions(), commissions);
        assertClose("finalEquity", m.finalEquity(), finalEquity);
        assertThat(result.bars()).isEqualTo(252);
        // the run lost money for a while: the figures are not trivially 0 or NaN
        assertThat(m.maxDrawdown()).isGreaterThan(0.05);
        assertThat(m.exposure()).isBetween(0.3, 0.9);
    }

    @Test
    void entriesAndExitsEqualTa4jOnTheSameBars() {
        org.ta4j.core.BarSeries t = new BaseBarSeriesBuilder()
                .withName("AAPL")
                .withNumFactory(DoubleNumFactory.getInstance())
                .build();
        Duration day = Duration.ofDays(1);
        for (int i = 0; i < series.size(); i++) {
            Instant begin = series.time(i);
            t.barBuilder()
                    .timePeriod(day)
                    .beginTime(begin)
                    .endTime(begin.plus(day))
                    .openPrice(series.openColumn()[i])
                    .highPrice(series.highColumn()[i])
                    .lowPrice(series.lowColumn()[i])
                    .closePrice(series.closeColumn()[i])
                    .volume(series.volumeColumn()[i])
                    .add();
        }
        ClosePriceIndicator close = new ClosePriceIndicator(t);
        SMAIndicator fast = new SMAIndicator(close, FAST);
        SMAIndicator slow = new SMAIndicator(close, SLOW);
        TradingRecord record = new BarSeriesManager(t, new TradeOnNextOpenModel())
                .run(new BaseStrategy(new CrossedUpIndicatorRule(fast, slow), new CrossedDownIndicatorRule(fast, slow)));

        assertThat(result.fills().stream().map(Fill::barIndex).toList())
                .isEqualTo(record.getTrades().stream().map(Trade::getIndex).toList());
        assertThat(result.fills().stream().map(f -> f.side() == Side.BUY).toList())
                .isEqualTo(record.getTrades().stream().map(Trade::isBuy).toList());
    }

    private static double mean(double[] values, int end, int period) {
        double s = 0;
        for (int k = end - period + 1; k <= end; k++) {
            s += values[k];
        }
        return s / period;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static void assertClose(String what, double actual, double expected) {
        assertThat(Math.abs(actual - expected))
                .as("%s: %s, expected %s", what, actual, expected)
                .isLessThanOrEqualTo(TOLERANCE * Math.max(1, Math.abs(expected)));
    }
}
