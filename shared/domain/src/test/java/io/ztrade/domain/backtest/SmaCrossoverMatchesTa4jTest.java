package io.ztrade.domain.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.domain.TestBars;
import io.ztrade.domain.market.BarSeries;
import io.ztrade.domain.strategy.SmaCrossover;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Trade;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * Reference check: the engine's SMA-crossover entries and exits happen at the same bar indexes as
 * ta4j 0.22.2's {@code BarSeriesManager} with {@code TradeOnNextOpenModel} running
 * {@code CrossedUpIndicatorRule}/{@code CrossedDownIndicatorRule} on the same SMAs.
 */
class SmaCrossoverMatchesTa4jTest {

    @Test
    void shouldEnterAndExitOnTheSameBarsAsTa4j() {
        BarSeries s = TestBars.randomWalk(3_000, 2024);
        org.ta4j.core.BarSeries t = TestBars.toTa4j(s);
        BacktestConfig config = new BacktestConfig(1_000_000, 1, 5, 5, 0.02); // every BUY affordable

        for (int[] p : new int[][] {{10, 30}, {5, 20}, {2, 3}, {20, 100}}) {
            BacktestResult mine = new BacktestEngine().run(s, new SmaCrossover(p[0], p[1]), config);
            TradingRecord theirs = ta4jRun(t, p[0], p[1]);

            List<Integer> myIndexes = mine.fills().stream().map(Fill::barIndex).toList();
            List<Integer> theirIndexes = theirs.getTrades().stream().map(Trade::getIndex).toList();
            assertThat(myIndexes).as("fast=%d slow=%d", p[0], p[1]).hasSizeGreaterThan(10).isEqualTo(theirIndexes);
            assertThat(mine.fills().stream().map(f -> f.side() == Side.BUY).toList())
                    .isEqualTo(theirs.getTrades().stream().map(Trade::isBuy).toList());
            assertThat(mine.metrics().trades()).isEqualTo(theirs.getPositions().size());
        }
    }

    private static TradingRecord ta4jRun(org.ta4j.core.BarSeries t, int fast, int slow) {
        ClosePriceIndicator close = new ClosePriceIndicator(t);
        SMAIndicator f = new SMAIndicator(close, fast);
        SMAIndicator s = new SMAIndicator(close, slow);
        BaseStrategy strategy = new BaseStrategy(new CrossedUpIndicatorRule(f, s), new CrossedDownIndicatorRule(f, s));
        return new BarSeriesManager(t, new TradeOnNextOpenModel()).run(strategy);
    }
}
