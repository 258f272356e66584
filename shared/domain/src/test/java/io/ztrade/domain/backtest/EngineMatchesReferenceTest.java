package io.ztrade.domain.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.domain.TestBars;
import io.ztrade.domain.market.BarSeries;
import io.ztrade.domain.strategy.Strategies;
import io.ztrade.domain.strategy.Strategy;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The engine against {@link ReferenceBacktest} on a seeded random walk, for every strategy in the
 * catalog: the same fills, and every metric equal to 1e-9 relative.
 */
class EngineMatchesReferenceTest {

    private static final double RELATIVE = 1e-9;

    @Test
    void shouldMatchTheReferenceForEveryStrategy() {
        BarSeries s = TestBars.randomWalk(2_000, 7);
        Random random = new Random(11);
        for (int i = 0; i < s.size(); i += 3) { // sentiment on every third bar
            s.setSentiment(i, 2 * random.nextDouble() - 1, random.nextDouble());
        }
        BacktestConfig config = new BacktestConfig(10_000, 1, 5, 5, 0.02);
        List<Strategy> strategies = List.of(
                Strategies.create("sma-crossover", Map.of()),
                Strategies.create("sma-crossover", Map.of("fast", 3, "slow", 7)),
                Strategies.create("rsi-mean-reversion", Map.of()),
                Strategies.create("momentum", Map.of("threshold", 0.01)),
                Strategies.create("ztrade-combined", Map.of("minConfidence", 0.5)));
        for (Strategy strategy : strategies) {
            BacktestResult actual = new BacktestEngine().run(s, strategy, config);
            ReferenceBacktest.Result expected = ReferenceBacktest.run(s, strategy, config);

            assertThat(actual.fills()).as("%s fills", strategy).hasSizeGreaterThan(4);
            assertSameFills(strategy, actual.fills(), expected.fills());
            assertSameMetrics(strategy.toString(), actual.metrics(), expected.metrics());
        }
    }

    @Test
    void shouldMatchTheReferenceWithFractionalLotsAndPartialSizing() {
        BarSeries walk = TestBars.randomWalk(1_500, 3);
        BarSeries btc = new BarSeries(io.ztrade.domain.market.Instruments.BTC_USD, walk.timeframe(), walk.size());
        for (int i = 0; i < walk.size(); i++) {
            btc.add(walk.timeColumn()[i], walk.openColumn()[i] * 300, walk.highColumn()[i] * 300, walk.lowColumn()[i] * 300,
                    walk.closeColumn()[i] * 300, 1);
            if (i % 2 == 0) {
                btc.setSentiment(i, i % 4 == 0 ? 0.9 : -0.9, 0.6 + (i % 5) * 0.08);
            }
        }
        BacktestConfig config = new BacktestConfig(2_500, 0.5, 10, 3, 0.01);
        Strategy strategy = Strategies.create("ztrade-combined", Map.of("minConfidence", 0.6));

        BacktestResult actual = new BacktestEngine().run(btc, strategy, config);
        ReferenceBacktest.Result expected = ReferenceBacktest.run(btc, strategy, config);

        assertThat(actual.fills()).hasSizeGreaterThan(10);
        assertThat(actual.fills()).extracting(Fill::quantity).anySatisfy(q -> assertThat(q % 1).isNotZero());
        assertSameFills(strategy, actual.fills(), expected.fills());
        assertSameMetrics("combined on BTC", actual.metrics(), expected.metrics());
    }

    static void assertSameFills(Strategy strategy, List<Fill> actual, List<Fill> expected) {
        assertThat(actual).as("%s fill count", strategy).hasSameSizeAs(expected);
        for (int k = 0; k < actual.size(); k++) {
            Fill a = actual.get(k);
            Fill e = expected.get(k);
            assertThat(a.barIndex()).as("%s fill %d bar", strategy, k).isEqualTo(e.barIndex());
            assertThat(a.timeMillis()).isEqualTo(e.timeMillis());
            assertThat(a.side()).as("%s fill %d side", strategy, k).isEqualTo(e.side());
            assertThat(a.price()).as("%s fill %d price", strategy, k).isEqualTo(e.price());
            assertThat(a.quantity()).as("%s fill %d quantity", strategy, k).isEqualTo(e.quantity());
            assertClose(strategy + " fill " + k + " commission", a.commission(), e.commission());
            assertClose(strategy + " fill " + k + " pnl", a.realizedPnl(), e.realizedPnl());
        }
    }

    static void assertSameMetrics(String what, Metrics a, Metrics e) {
        assertClose(what + " totalReturn", a.totalReturn(), e.totalReturn());
        assertClose(what + " cagr", a.cagr(), e.cagr());
        assertClose(what + " sharpe", a.sharpe(), e.sharpe());
        assertClose(what + " sortino", a.sortino(), e.sortino());
        assertClose(what + " maxDrawdown", a.maxDrawdown(), e.maxDrawdown());
        assertClose(what + " winRate", a.winRate(), e.winRate());
        assertThat(a.trades()).as(what + " trades").isEqualTo(e.trades());
        assertClose(what + " profitFactor", a.profitFactor(), e.profitFactor());
        assertClose(what + " exposure", a.exposure(), e.exposure());
        assertClose(what + " commissions", a.commissions(), e.commissions());
        assertClose(what + " finalEquity", a.finalEquity(), e.finalEquity());
    }

    static void assertClose(String what, double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
            return;
        }
        assertThat(Math.abs(actual - expected))
                .as("%s: %s vs %s", what, actual, expected)
                .isLessThanOrEqualTo(RELATIVE * Math.max(1, Math.abs(expected)));
    }
}
