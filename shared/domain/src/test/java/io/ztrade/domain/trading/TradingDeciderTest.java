package io.ztrade.domain.trading;

import static io.ztrade.domain.trading.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.ztrade.domain.TestBars;
import io.ztrade.domain.market.BarSeries;
import io.ztrade.domain.market.Instruments;
import io.ztrade.domain.market.Timeframe;
import io.ztrade.domain.strategy.Action;
import io.ztrade.domain.strategy.Signal;
import io.ztrade.domain.strategy.Strategies;
import io.ztrade.domain.strategy.Strategy;
import io.ztrade.domain.strategy.StrategyParams;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TradingDeciderTest {

    static final CommissionModel COSTS = new CommissionModel(d("1"), d("10"));
    static final TradingDecider DECIDER = new TradingDecider(RiskLimits.defaults(), COSTS);
    static final Instant NOW = Instant.parse("2024-01-08T21:00:00Z");

    /** SMA 2/4 crosses up at the last bar: fast (9 + 12) / 2 = 10.5 > slow 41 / 4 = 10.25, before 9.5 <= 9.75. */
    static final double[] CROSS_UP = {10, 10, 10, 10, 10, 9, 12};

    static AgentSpec sma(BigDecimal stopLoss, BigDecimal takeProfit, boolean dryRun) {
        return new AgentSpec("aapl-sma", Instruments.AAPL, Timeframe.DAY_1, Strategies.create("sma-crossover", Map.of("fast", 2, "slow", 4)),
                d("10000"), d("100"), stopLoss, takeProfit, 5, 0, dryRun, AgentKind.TRADER, null, "agents/aapl-sma.yaml");
    }

    /**
     * The golden decision. Hand computation: BUY signal at close 12.00 (limit 12.00); allowed size =
     * min(maxPositionSize 100, 5% of 10,000 / 12 = 41.67, 80% of 10,000 / 12 = 666.67, cash (10,000 - 1)
     * / (12 * 1.001) = 832.4) = 41 shares; the SMA crossover has no confidence -> 100% -> 41; stop-loss
     * 12 * 0.95 = 11.40; bar 2024-01-08T00:00Z -> id {@code aapl-sma.20240108T000000Z.sig}.
     */
    @Test
    void shouldBuyOnTheCrossoverGolden() {
        BarSeries bars = TestBars.closes(CROSS_UP);
        RiskContext ctx = RiskContext.alone(AgentState.initial("aapl-sma", AgentStatus.RUNNING, d("10000")), d("10000"));
        Decision d = DECIDER.decide(sma(d("0.05"), null, false), ctx, bars, 0.25, NOW);

        assertThat(d.action()).isEqualTo(Action.BUY);
        assertThat(d.reason()).isEqualTo(OrderReason.SIGNAL);
        assertThat(d.quantity()).isEqualByComparingTo("41");
        assertThat(d.limitPrice()).isEqualByComparingTo("12.00");
        assertThat(d.barTime()).isEqualTo(Instant.parse("2024-01-08T00:00:00Z"));
        assertThat(d.clientOrderId()).isEqualTo("aapl-sma.20240108T000000Z.sig");
        assertThat(d.indicators()).containsExactly(entry("close", 12.0), entry("smaFast", 10.5), entry("smaSlow", 10.25));
        assertThat(d.sentiment()).isEqualTo(0.25);
        assertThat(d.rules()).extracting(RuleResult::rule).containsExactly("agent-active", "daily-trade-limit", "position-limit",
                "stop-loss-required", "daily-loss-limit", "max-drawdown", "min-confidence", "max-open-positions",
                "max-correlated-positions", "max-deployed-capital", "position-size");
        assertThat(d.rules()).allMatch(RuleResult::passed);
        assertThat(d.rules().get(3).detail()).isEqualTo("stop-loss at 11.4");
        assertThat(d.rules().get(2).detail()).isEqualTo("position 41 worth 492, limit 100 and 5% of 10000 = 500");
        assertThat(d.refusedBy()).isNull();
        assertThat(d.haltAgent()).isFalse();
        assertThat(d.taken()).isTrue();
        assertThat(d.placesOrder()).isTrue();
    }

    @Test
    void shouldDecideTheSameOnARetriedTick() {
        BarSeries bars = TestBars.closes(CROSS_UP);
        RiskContext ctx = RiskContext.alone(AgentState.initial("aapl-sma", AgentStatus.RUNNING, d("10000")), d("10000"));
        Decision first = DECIDER.decide(sma(d("0.05"), null, false), ctx, bars, Double.NaN, NOW);
        Decision retried = DECIDER.decide(sma(d("0.05"), null, false), ctx, bars, Double.NaN, NOW.plus(Duration.ofSeconds(42)));
        assertThat(retried).isEqualTo(first); // records: NaN components compare equal
        assertThat(retried.clientOrderId()).isEqualTo(first.clientOrderId());
    }

    @Test
    void shouldRefuseWithoutStopLossAndNameTheRule() {
        BarSeries bars = TestBars.closes(CROSS_UP);
        RiskContext ctx = RiskContext.alone(AgentState.initial("aapl-sma", AgentStatus.RUNNING, d("10000")), d("10000"));
        Decision d = DECIDER.decide(sma(null, null, false), ctx, bars, Double.NaN, NOW);
        assertThat(d.action()).isEqualTo(Action.BUY);
        assertThat(d.refusedBy()).isEqualTo("stop-loss-required");
        assertThat(d.taken()).isFalse();
        assertThat(d.placesOrder()).isFalse();
        assertThat(d.detail()).contains("refused by stop-loss-required");
    }

    @Test
    void shouldDecideButNotOrderInDryRun() {
        BarSeries bars = TestBars.closes(CROSS_UP);
        RiskContext ctx = RiskContext.alone(AgentState.initial("aapl-sma", AgentStatus.RUNNING, d("10000")), d("10000"));
        Decision d = DECIDER.decide(sma(d("0.05"), null, true), ctx, bars, Double.NaN, NOW);
        assertThat(d.taken()).isTrue();
        assertThat(d.dryRun()).isTrue();
        assertThat(d.placesOrder()).isFalse();
    }

    /** Holding 41 at an average cost of 12.02: the stop is at 12.02 * 0.95 = 11.419, the take-profit at 12.02 * 1.1 = 13.222. */
    AgentState holding() {
        return new AgentState("aapl-sma", AgentStatus.RUNNING, d("9507.18"), d("41"), d("12.02"), 1, d("10000"), d("10000"));
    }

    @Test
    void shouldCloseAtTheStopLossBeforeLookingAtTheSignal() {
        // 11.41 is below the stop 11.419 -> SELL everything, whatever the strategy says
        Decision d = DECIDER.decide(sma(d("0.05"), d("0.10"), false), RiskContext.alone(holding(), d("10000")),
                TestBars.closes(10, 10, 10, 10, 10, 9, 12, 11.41), Double.NaN, NOW);
        assertThat(d.action()).isEqualTo(Action.SELL);
        assertThat(d.reason()).isEqualTo(OrderReason.STOP_LOSS);
        assertThat(d.quantity()).isEqualByComparingTo("41");
        assertThat(d.limitPrice()).isEqualByComparingTo("11.41");
        assertThat(d.clientOrderId()).isEqualTo("aapl-sma.20240109T000000Z.sl");
        assertThat(d.taken()).isTrue();

        // 11.42 is above the stop: no exit, and the strategy holds (fast 11.71 > slow 10.605, no cross)
        Decision above = DECIDER.decide(sma(d("0.05"), d("0.10"), false), RiskContext.alone(holding(), d("10000")),
                TestBars.closes(10, 10, 10, 10, 10, 9, 12, 11.42), Double.NaN, NOW);
        assertThat(above.action()).isEqualTo(Action.HOLD);
        assertThat(above.rules()).isEmpty();
        assertThat(above.clientOrderId()).isNull();
    }

    @Test
    void shouldTakeProfitAtTheLimit() {
        Decision d = DECIDER.decide(sma(d("0.05"), d("0.10"), false), RiskContext.alone(holding(), d("10000")),
                TestBars.closes(10, 10, 10, 10, 10, 9, 12, 13.23), Double.NaN, NOW);
        assertThat(d.reason()).isEqualTo(OrderReason.TAKE_PROFIT);
        assertThat(d.quantity()).isEqualByComparingTo("41");
        Decision below = DECIDER.decide(sma(d("0.05"), d("0.10"), false), RiskContext.alone(holding(), d("10000")),
                TestBars.closes(10, 10, 10, 10, 10, 9, 12, 13.22), Double.NaN, NOW);
        assertThat(below.reason()).isNull();
    }

    @Test
    void shouldHaltTheAgentWhenTheDailyLossIsHit() {
        // day start 10,600, equity now 10,000: loss 5.66%
        AgentState s = new AgentState("aapl-sma", AgentStatus.RUNNING, d("10000"), d("0"), d("0"), 2, d("10600"), d("10600"));
        Decision d = DECIDER.decide(sma(d("0.05"), null, false), RiskContext.alone(s, d("10000")), TestBars.closes(CROSS_UP),
                Double.NaN, NOW);
        assertThat(d.refusedBy()).isEqualTo("daily-loss-limit");
        assertThat(d.haltAgent()).isTrue();
        assertThat(d.taken()).isFalse();
    }

    @Test
    void shouldRefuseAPausedAgent() {
        AgentState s = AgentState.initial("aapl-sma", AgentStatus.PAUSED, d("10000"));
        Decision d = DECIDER.decide(sma(d("0.05"), null, false), RiskContext.alone(s, d("10000")), TestBars.closes(CROSS_UP),
                Double.NaN, NOW);
        assertThat(d.refusedBy()).isEqualTo("agent-active");
    }

    /**
     * The sentiment strategy on fixed bars and sentiment. ETH-USD, ztrade-combined defaults except
     * fast 3 / slow 5 / rsiPeriod 3, a steady rise, sentiment 0.9 with confidence 0.8 at the last bar.
     * Technical t: smaFast/smaSlow of the last closes (103 104 105 / 101 .. 105) = 104 / 103 -> (1.0097 - 1)
     * / 0.02 = 0.485; RSI 100 (no losses) -> 0.5 * 0.485 + 0.5 * (50 - 100) / 50 = -0.2573; S = 0.6 * 0.9
     * + 0.4 * -0.2573 = 0.4371 > 0.3 with confidence 0.8 -> BUY. Sizing: 5% of 20,000 = 1,000 at 105.00
     * -> 9.5238 ETH (lot 0.0001), maxPositionSize 5 -> allowed 5; confidence 0.8 -> 75% -> 3.75.
     */
    @Test
    void shouldBuyOnSentimentGolden() {
        BarSeries bars = TestBars.bars(Instruments.ETH_USD, new double[] {100, 101, 102, 103, 104, 105},
                new double[] {100, 101, 102, 103, 104, 105});
        bars.setSentiment(5, 0.9, 0.8);
        AgentSpec spec = new AgentSpec("eth-sent", Instruments.ETH_USD, Timeframe.DAY_1,
                Strategies.create("ztrade-combined", Map.of("fast", 3, "slow", 5, "rsiPeriod", 3)), d("20000"), d("5"), d("0.03"),
                d("0.06"), 20, 0.7, false, AgentKind.TRADER, null, "agents/eth.yaml");
        RiskContext ctx = RiskContext.alone(AgentState.initial("eth-sent", AgentStatus.RUNNING, d("20000")), d("20000"));
        Decision d = DECIDER.decide(spec, ctx, bars, 0.9, NOW);
        assertThat(d.action()).isEqualTo(Action.BUY);
        assertThat(d.signal().score()).isCloseTo(0.437087, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(d.signal().confidence()).isEqualTo(0.8);
        assertThat(d.quantity()).isEqualByComparingTo("3.75");
        assertThat(d.limitPrice()).isEqualByComparingTo("105.00");
        assertThat(d.indicators()).containsEntry("smaFast", 104.0).containsEntry("smaSlow", 103.0).containsEntry("rsi", 100.0)
                .containsEntry("sentiment", 0.9).containsEntry("sentimentConfidence", 0.8);
        assertThat(d.rules()).filteredOn(r -> r.rule().equals("min-confidence")).singleElement()
                .satisfies(r -> assertThat(r.detail()).isEqualTo("confidence 0.8, minimum 0.7"));
        assertThat(d.refusedBy()).isNull();
    }

    @Test
    void shouldRefuseAZeroSizeBelowSixtyFivePercentConfidence() {
        Strategy scripted = scripted(new Signal(Action.BUY, 0.5, 0.4, 0.6));
        AgentSpec spec = new AgentSpec("eth-low", Instruments.ETH_USD, Timeframe.DAY_1, scripted, d("20000"), d("5"), d("0.03"), null, 20,
                0, false, AgentKind.TRADER, null, "agents/eth.yaml");
        RiskContext ctx = RiskContext.alone(AgentState.initial("eth-low", AgentStatus.RUNNING, d("20000")), d("20000"));
        Decision d = DECIDER.decide(spec, ctx, TestBars.bars(Instruments.ETH_USD, new double[] {100}, new double[] {100}), Double.NaN, NOW);
        assertThat(d.refusedBy()).isEqualTo(TradingDecider.POSITION_SIZE);
        assertThat(d.quantity()).isEqualByComparingTo("0");
    }

    @Test
    void shouldRefuseMarketMakersAndForeignBars() {
        AgentSpec mm = new AgentSpec("mm", Instruments.AAPL, Timeframe.DAY_1, null, d("10000"), d("100"), null, null, 10, 0, false,
                AgentKind.MARKET_MAKER, new MarketMakerSettings(d("0.002"), d("5"), d("50")), "agents/mm.yaml");
        RiskContext ctx = RiskContext.alone(AgentState.initial("mm", AgentStatus.RUNNING, d("10000")), d("10000"));
        assertThatThrownBy(() -> DECIDER.decide(mm, ctx, TestBars.closes(CROSS_UP), Double.NaN, NOW)).hasMessageContaining("MARKET_MAKER");
        BarSeries eth = TestBars.bars(Instruments.ETH_USD, new double[] {1}, new double[] {1});
        assertThatThrownBy(() -> DECIDER.decide(sma(d("0.05"), null, false), ctx, eth, Double.NaN, NOW)).hasMessageContaining("ETH-USD");
    }

    static Strategy scripted(Signal last) {
        return new Strategy() {
            @Override
            public String id() {
                return "scripted";
            }

            @Override
            public StrategyParams params() {
                return Map::of;
            }

            @Override
            public int warmupBars() {
                return 0;
            }

            @Override
            public Evaluator newEvaluator() {
                return (series, index) -> index == series.size() - 1 ? last : Signal.HOLD;
            }
        };
    }

}
