package io.ztrade.domain.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ztrade.domain.TestBars;
import io.ztrade.domain.market.BarSeries;
import io.ztrade.domain.market.Instruments;
import io.ztrade.domain.market.Timeframe;
import io.ztrade.domain.strategy.Action;
import io.ztrade.domain.strategy.Signal;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BacktestEngineTest {

    private static final double EPS = 1e-9;
    private final BacktestEngine engine = new BacktestEngine();

    private static BacktestConfig noCosts(double capital) {
        return new BacktestConfig(capital, 0, 0, 0, 0);
    }

    private static BarSeries aapl(double[] opens, double[] closes) {
        return TestBars.bars(Instruments.AAPL, opens, closes);
    }

    /*
     * capital 10000, commission 1 + 10 bps, slippage 5 bps; BUY at bar 1, SELL at bar 3
     * buy  at bar 2 open 100.01: 100.01 * 1.0005 = 100.060005 -> up to the cent: 100.07
     *      lots: (10000 - 1) / (100.07 * 1.001) = 99.82 -> 99 shares
     *      commission 1 + 100.07 * 99 * 0.001 = 10.90693; cost 9906.93 + 10.90693 = 9917.83693
     * sell at bar 4 open 110: 110 * 0.9995 = 109.945 -> down to the cent: 109.94
     *      proceeds 10884.06; commission 1 + 10.88406 = 11.88406
     *      pnl 10884.06 - 11.88406 - 9917.83693 = 954.33901
     */
    @Test
    void shouldFillAtNextOpenWithSlippageRoundedAgainstTheTraderAndCommissions() {
        BarSeries s = aapl(new double[] {100, 100, 100.01, 105, 110, 111}, new double[] {100, 100, 102, 108, 111, 112});
        BacktestConfig config = new BacktestConfig(10_000, 1, 10, 5, 0);

        BacktestResult r = engine.run(s, ScriptedStrategy.of(1, Signal.BUY, 3, Signal.SELL), config);

        assertThat(r.fills()).hasSize(2);
        Fill buy = r.fills().get(0);
        assertThat(buy.barIndex()).isEqualTo(2);
        assertThat(buy.timeMillis()).isEqualTo(s.timeColumn()[2]);
        assertThat(buy.side()).isEqualTo(Side.BUY);
        assertThat(buy.price()).isEqualTo(100.07);
        assertThat(buy.quantity()).isEqualTo(99);
        assertThat(buy.commission()).isCloseTo(10.90693, within(EPS));
        assertThat(buy.realizedPnl()).isZero();
        Fill sell = r.fills().get(1);
        assertThat(sell.barIndex()).isEqualTo(4);
        assertThat(sell.side()).isEqualTo(Side.SELL);
        assertThat(sell.price()).isEqualTo(109.94);
        assertThat(sell.quantity()).isEqualTo(99);
        assertThat(sell.commission()).isCloseTo(11.88406, within(EPS));
        assertThat(sell.realizedPnl()).isCloseTo(954.33901, within(EPS));
        Metrics m = r.metrics();
        assertThat(m.finalEquity()).isCloseTo(10_954.33901, within(EPS));
        assertThat(m.commissions()).isCloseTo(10.90693 + 11.88406, within(EPS));
        assertThat(m.trades()).isEqualTo(1);
        assertThat(m.winRate()).isEqualTo(1.0);
        assertThat(r.bars()).isEqualTo(6);
    }

    @Test
    void shouldKeepPricesAlreadyOnTheTickGrid() {
        // 100 * 1.0005 = 100.05 exactly in decimal; binary error must not push it to 100.06
        BarSeries s = aapl(new double[] {100, 100, 100}, new double[] {100, 100, 100});

        BacktestResult r = engine.run(s, ScriptedStrategy.of(0, Signal.BUY, 1, Signal.SELL), new BacktestConfig(10_000, 0, 0, 5, 0));

        assertThat(r.fills()).extracting(Fill::price).containsExactly(100.05, 99.95);
    }

    @Test
    void shouldCallTheStrategyOncePerBarInOrder() {
        ScriptedStrategy strategy = ScriptedStrategy.of();
        BarSeries s = TestBars.closes(1, 2, 3, 4, 5);

        engine.run(s, strategy, noCosts(1_000));

        assertThat(strategy.calls).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void shouldBuyWholeLotsUpToTheWholeBudget() {
        // exactly affordable: 1000 / 100 = 10 shares, not 9
        BarSeries s = aapl(new double[] {100, 100, 100}, new double[] {100, 100, 100});

        BacktestResult r = engine.run(s, ScriptedStrategy.of(0, Signal.BUY), noCosts(1_000));

        assertThat(r.fills()).singleElement().satisfies(f -> assertThat(f.quantity()).isEqualTo(10));
        assertThat(r.metrics().finalEquity()).isEqualTo(1_000);
    }

    @Test
    void shouldRoundCryptoQuantitiesDownToTheLot() {
        // BTC-USD lot 0.0001: 1000 / 30000 = 0.03333.. -> 0.0333
        BarSeries s = TestBars.bars(Instruments.BTC_USD, new double[] {30_000, 30_000}, new double[] {30_000, 30_000});

        BacktestResult r = engine.run(s, ScriptedStrategy.of(0, Signal.BUY), noCosts(1_000));

        assertThat(r.fills()).singleElement().satisfies(f -> assertThat(f.quantity()).isEqualTo(0.0333));
        assertThat(r.metrics().finalEquity()).isCloseTo(1_000, within(EPS));
    }

    @Test
    void shouldCommitOnlyTheSignalsSizeFractionOfCash() {
        BarSeries s = aapl(new double[] {100, 100, 100}, new double[] {100, 100, 100});

        BacktestResult r = engine.run(s, ScriptedStrategy.of(0, new Signal(Action.BUY, 0.5, 0.9, 0.9)), noCosts(1_000));

        assertThat(r.fills()).singleElement().satisfies(f -> assertThat(f.quantity()).isEqualTo(5));
    }

    @Test
    void shouldIgnoreBuyWhileLong() {
        BarSeries s = TestBars.closes(100, 100, 100, 100, 100);

        BacktestResult r = engine.run(s, ScriptedStrategy.of(0, Signal.BUY, 1, Signal.BUY, 2, Signal.BUY), noCosts(1_000));

        assertThat(r.fills()).extracting(Fill::barIndex).containsExactly(1);
    }

    @Test
    void shouldIgnoreSellWhileFlat() {
        BarSeries s = TestBars.closes(100, 100, 100, 100, 100);

        BacktestResult r = engine.run(
                s, ScriptedStrategy.of(0, Signal.SELL, 1, Signal.BUY, 2, Signal.SELL, 3, Signal.SELL), noCosts(1_000));

        assertThat(r.fills()).extracting(Fill::side).containsExactly(Side.BUY, Side.SELL);
        assertThat(r.fills()).extracting(Fill::barIndex).containsExactly(2, 3);
    }

    @Test
    void shouldNotFillASignalOnTheLastBar() {
        BarSeries s = TestBars.closes(100, 100, 100);

        BacktestResult r = engine.run(s, ScriptedStrategy.of(2, Signal.BUY), noCosts(1_000));

        assertThat(r.fills()).isEmpty();
        assertThat(r.metrics().finalEquity()).isEqualTo(1_000);
    }

    @Test
    void shouldValueAnOpenPositionAtTheLastCloseWithoutCountingATrade() {
        BarSeries s = aapl(new double[] {100, 100, 110}, new double[] {100, 105, 120});

        Metrics m = engine.run(s, ScriptedStrategy.of(0, Signal.BUY), noCosts(1_000)).metrics();

        assertThat(m.finalEquity()).isEqualTo(1_200); // 10 shares * 120, no cash left
        assertThat(m.totalReturn()).isCloseTo(0.2, within(EPS));
        assertThat(m.trades()).isZero();
        assertThat(m.winRate()).isNaN();
        assertThat(m.profitFactor()).isNaN();
        assertThat(m.exposure()).isCloseTo(2.0 / 3, within(EPS));
    }

    @Test
    void shouldNotTradeWhenCashCannotBuyOneLot() {
        BarSeries s = aapl(new double[] {100, 100, 100}, new double[] {100, 100, 100});

        assertThat(engine.run(s, ScriptedStrategy.of(0, Signal.BUY), noCosts(99.99)).fills()).isEmpty();
        // the fixed commission leaves 99.5 for a 100 share
        assertThat(engine.run(s, ScriptedStrategy.of(0, Signal.BUY), new BacktestConfig(100.5, 1, 0, 0, 0)).fills())
                .isEmpty();
        // without it one share fits
        assertThat(engine.run(s, ScriptedStrategy.of(0, Signal.BUY), noCosts(100.5)).fills()).hasSize(1);
    }

    @Test
    void shouldCountLosingRoundTripsInProfitFactorAndWinRate() {
        // win: 10 shares bought at 100, sold at 110 (+100); loss: 10 shares (all of 1100) at 110, sold at 99 (-110)
        BarSeries s = aapl(new double[] {100, 100, 110, 110, 99, 99}, new double[] {100, 100, 110, 110, 99, 99});

        Metrics m = engine.run(s, ScriptedStrategy.of(0, Signal.BUY, 1, Signal.SELL, 2, Signal.BUY, 3, Signal.SELL), noCosts(1_000))
                .metrics();

        assertThat(m.trades()).isEqualTo(2);
        assertThat(m.winRate()).isEqualTo(0.5);
        assertThat(m.profitFactor()).isCloseTo(100.0 / 110, within(EPS));
        assertThat(m.finalEquity()).isCloseTo(1_000 + 100 - 110, within(EPS));
    }

    @Test
    void shouldRejectAnEvaluatorReportingBarsOutsideItsBlock() {
        io.ztrade.domain.strategy.Strategy broken = new ScriptedStrategy(java.util.Map.of()) {
            @Override
            public Evaluator newEvaluator() {
                return new Evaluator() {
                    @Override
                    public Signal onBar(BarSeries series, int index) {
                        return Signal.HOLD;
                    }

                    @Override
                    public int onBars(BarSeries series, int from, int to, int[] indexes, Signal[] signals) {
                        indexes[0] = to; // one past the block
                        signals[0] = Signal.BUY;
                        return 1;
                    }
                };
            }
        };

        assertThatThrownBy(() -> engine.run(TestBars.closes(1, 2, 3), broken, noCosts(1_000)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bar 3");
    }

    @Test
    void shouldRejectAnEmptySeries() {
        BarSeries empty = new BarSeries(Instruments.AAPL, Timeframe.DAY_1, 0);

        assertThatThrownBy(() -> engine.run(empty, ScriptedStrategy.of(), noCosts(1_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no bars");
    }

    @Test
    void shouldReportUndefinedRatiosForASingleBar() {
        Metrics m = engine.run(TestBars.closes(100), ScriptedStrategy.of(0, Signal.BUY), noCosts(1_000)).metrics();

        assertThat(m.finalEquity()).isEqualTo(1_000);
        assertThat(m.totalReturn()).isZero();
        assertThat(m.cagr()).isNaN();
        assertThat(m.sharpe()).isNaN();
        assertThat(m.sortino()).isNaN();
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.exposure()).isZero();
    }

    @Test
    void shouldReportNoSharpeWhenNeverInvested() {
        BarSeries s = TestBars.closes(IntStream.range(0, 20).mapToDouble(i -> 100 + i).toArray());

        Metrics m = engine.run(s, ScriptedStrategy.of(), noCosts(1_000)).metrics();

        assertThat(m.sharpe()).isNaN(); // every return is 0: no deviation
        assertThat(m.sortino()).isNaN(); // rf = 0: nothing below it
        assertThat(m.totalReturn()).isZero();
        assertThat(m.cagr()).isZero();
    }
}
