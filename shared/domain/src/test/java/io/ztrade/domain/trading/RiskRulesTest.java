package io.ztrade.domain.trading;

import static io.ztrade.domain.trading.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.ztrade.domain.backtest.Side;
import io.ztrade.domain.market.Instruments;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule alone, at and around its limit. */
class RiskRulesTest {

    @Nested
    class AgentActive {
        final AgentActiveRule rule = new AgentActiveRule();

        @Test
        void shouldPassRunningAgentWithCash() {
            assertThat(rule.check(alone(running("0.01"), "1000"), buy("1", "10")).passed()).isTrue();
        }

        @Test
        void shouldRefuseEveryOrderOfAnAgentThatIsNotRunning() {
            for (AgentStatus s : List.of(AgentStatus.STOPPED, AgentStatus.PAUSED, AgentStatus.ERROR)) {
                RiskContext ctx = alone(state(s, "1000", "5", "10", 0, "1000", "1000"), "1000");
                RuleResult buy = rule.check(ctx, buy("1", "10"));
                assertThat(buy.passed()).isFalse();
                assertThat(buy.detail()).contains(s.name());
                assertThat(rule.check(ctx, sell("5", "10", OrderReason.STOP_LOSS)).passed()).isFalse();
            }
        }

        @Test
        void shouldRefuseBuyWithoutCapitalButLetASellGo() {
            RiskContext ctx = alone(state(AgentStatus.RUNNING, "0", "5", "10", 0, "50", "50"), "1000");
            RuleResult r = rule.check(ctx, buy("1", "10"));
            assertThat(r.passed()).isFalse();
            assertThat(r.detail()).contains("no capital");
            assertThat(rule.check(ctx, sell("5", "10", OrderReason.SIGNAL)).passed()).isTrue();
            assertThat(rule.check(alone(running("-1"), "1000"), buy("1", "10")).passed()).isFalse();
        }
    }

    @Nested
    class DailyTradeLimit {
        final DailyTradeLimitRule rule = new DailyTradeLimitRule(3);

        RiskContext trades(int n) {
            return alone(state(AgentStatus.RUNNING, "1000", "0", "0", n, "1000", "1000"), "1000");
        }

        @Test
        void shouldPassBelowTheLimitAndRefuseAtIt() {
            assertThat(rule.check(trades(2), buy("1", "10")).passed()).isTrue();
            RuleResult at = rule.check(trades(3), buy("1", "10"));
            assertThat(at.passed()).isFalse();
            assertThat(at.detail()).contains("3 of 3");
            assertThat(rule.check(trades(4), sell("1", "10", OrderReason.SIGNAL)).passed()).isFalse();
        }

        @Test
        void shouldNeverHoldBackAProtectiveExit() {
            assertThat(rule.check(trades(3), sell("1", "10", OrderReason.STOP_LOSS)).passed()).isTrue();
            assertThat(rule.check(trades(9), sell("1", "10", OrderReason.TAKE_PROFIT)).passed()).isTrue();
        }
    }

    @Nested
    class PositionLimit {
        // maxPositionSize 10 shares, 5% of 10,000 = 500 in value
        final PositionLimitRule rule = new PositionLimitRule(d("10"), d("0.05"));
        final RiskContext flat = alone(running("10000"), "10000");

        @Test
        void shouldAllowExactlyMaxPositionSizeAndRefuseOneMore() {
            assertThat(rule.check(flat, buy("10", "10")).passed()).isTrue();
            RuleResult over = rule.check(flat, buy("11", "10"));
            assertThat(over.passed()).isFalse();
            assertThat(over.detail()).contains("maxPositionSize 10");
        }

        @Test
        void shouldCountWhatIsHeld() {
            RiskContext holding = alone(state(AgentStatus.RUNNING, "9940", "6", "10", 0, "10000", "10000"), "10000");
            assertThat(rule.check(holding, buy("4", "10")).passed()).isTrue();
            assertThat(rule.check(holding, buy("5", "10")).passed()).isFalse();
        }

        @Test
        void shouldRefuseMoreThanFivePercentOfTotalCapital() {
            // 10 shares at 50 = 500 = exactly 5%: allowed; at 50.01 = 500.10: refused
            assertThat(rule.check(flat, buy("10", "50")).passed()).isTrue();
            RuleResult over = rule.check(flat, buy("10", "50.01"));
            assertThat(over.passed()).isFalse();
            assertThat(over.detail()).contains("500.1").contains("5%");
        }

        @Test
        void shouldPassSells() {
            assertThat(rule.check(flat, sell("100", "1000", OrderReason.SIGNAL)).passed()).isTrue();
        }
    }

    @Nested
    class StopLossRequired {
        final StopLossRequiredRule rule = new StopLossRequiredRule();
        final RiskContext ctx = alone(running("1000"), "1000");

        @Test
        void shouldRefuseBuyWithoutStopLoss() {
            ProposedOrder noStop = order(Instruments.AAPL, Side.BUY, OrderReason.SIGNAL, "1", "10", null, Double.NaN, null);
            assertThat(rule.check(ctx, noStop).passed()).isFalse();
            assertThat(rule.check(ctx, buy("1", "10")).passed()).isTrue();
            assertThat(rule.check(ctx, sell("1", "10", OrderReason.SIGNAL)).passed()).isTrue();
        }
    }

    @Nested
    class DailyLoss {
        final DailyLossRule rule = new DailyLossRule(d("0.05"));

        /** Day start 10,000, 100 shares held, cash 0: equity = 100 * mark. */
        RuleResult at(String mark, Side side) {
            RiskContext ctx = alone(state(AgentStatus.RUNNING, "0", "100", "100", 1, "10000", "10000"), "10000");
            ProposedOrder o = side == Side.BUY
                    ? new ProposedOrder(AGENT, Instruments.AAPL, Side.BUY, OrderReason.SIGNAL, d("1"), d(mark), d(mark), d("1"), Double.NaN, null)
                    : new ProposedOrder(AGENT, Instruments.AAPL, Side.SELL, OrderReason.SIGNAL, d("100"), d(mark), d(mark), null, Double.NaN, null);
            return rule.check(ctx, o);
        }

        @Test
        void shouldPassJustAboveTheLimit() {
            RuleResult r = at("95.01", Side.BUY); // loss 4.99%
            assertThat(r.passed()).isTrue();
            assertThat(r.haltsAgent()).isFalse();
        }

        @Test
        void shouldRefuseBuyAndHaltAtTheLimit() {
            RuleResult r = at("95.00", Side.BUY); // loss exactly 5%
            assertThat(r.passed()).isFalse();
            assertThat(r.haltsAgent()).isTrue();
            assertThat(r.detail()).contains("loss 5%");
        }

        @Test
        void shouldHaltButLetTheClosingSellGoBeyondTheLimit() {
            RuleResult r = at("90", Side.SELL);
            assertThat(r.passed()).isTrue();
            assertThat(r.haltsAgent()).isTrue();
        }
    }

    @Nested
    class Drawdown {
        final DrawdownRule rule = new DrawdownRule(d("0.20"));

        RuleResult at(String cash, String peak) {
            RiskContext ctx = alone(state(AgentStatus.RUNNING, cash, "0", "0", 0, cash, peak), "10000");
            return rule.check(ctx, buy("1", "10"));
        }

        @Test
        void shouldPassJustBelowTwentyPercentAndHaltAtIt() {
            assertThat(at("8000.01", "10000").passed()).isTrue();
            RuleResult r = at("8000", "10000");
            assertThat(r.passed()).isFalse();
            assertThat(r.haltsAgent()).isTrue();
            assertThat(r.detail()).contains("drawdown 20%");
        }

        @Test
        void shouldTakeTheEquityNowAsPeakWhenHigher() {
            // stored peak 5000 is stale, equity 9000 is the new peak: no drawdown
            assertThat(at("9000", "5000").passed()).isTrue();
        }
    }

    @Nested
    class MinConfidence {
        final MinConfidenceRule rule = new MinConfidenceRule(0.7);
        final RiskContext ctx = alone(running("1000"), "1000");

        ProposedOrder withConfidence(double c) {
            return order(Instruments.AAPL, Side.BUY, OrderReason.SIGNAL, "1", "10", d("9"), c, null);
        }

        @Test
        void shouldRefuseBelowTheMinimumAndPassAtIt() {
            assertThat(rule.check(ctx, withConfidence(0.6999)).passed()).isFalse();
            assertThat(rule.check(ctx, withConfidence(0.7)).passed()).isTrue();
            assertThat(rule.check(ctx, withConfidence(0.95)).passed()).isTrue();
        }

        @Test
        void shouldPassStrategiesWithoutConfidenceAndSells() {
            assertThat(rule.check(ctx, withConfidence(Double.NaN)).passed()).isTrue();
            assertThat(rule.check(ctx, sell("1", "10", OrderReason.SIGNAL)).passed()).isTrue();
        }
    }

    @Nested
    class OpenPositions {
        final OpenPositionsRule rule = new OpenPositionsRule(3);

        RiskContext withOthers(int n) {
            List<OpenPosition> ps = new java.util.ArrayList<>();
            for (int k = 0; k < n; k++) {
                ps.add(position("other-" + k, "BTC-USD", "0.1", "30000"));
            }
            return RiskContext.of(running("1000"), ps, d("100000"));
        }

        @Test
        void shouldAllowTheThirdPositionAndRefuseTheFourth() {
            assertThat(rule.check(withOthers(2), buy("1", "10")).passed()).isTrue();
            RuleResult r = rule.check(withOthers(3), buy("1", "10"));
            assertThat(r.passed()).isFalse();
            assertThat(r.detail()).contains("3 open, limit 3");
        }

        @Test
        void shouldLetTheAgentAddToItsOwnPosition() {
            AgentState holding = state(AgentStatus.RUNNING, "1000", "1", "10", 0, "1010", "1010");
            List<OpenPosition> ps = List.of(position("other-0", "BTC-USD", "0.1", "30000"),
                    position("other-1", "ETH-USD", "1", "2000"), position(AGENT, "AAPL", "1", "10"));
            assertThat(rule.check(RiskContext.of(holding, ps, d("100000")), buy("1", "10")).passed()).isTrue();
        }

        @Test
        void shouldPassSells() {
            assertThat(rule.check(withOthers(5), sell("1", "10", OrderReason.SIGNAL)).passed()).isTrue();
        }
    }

    @Nested
    class CorrelatedPositions {
        final CorrelatedPositionsRule rule = new CorrelatedPositionsRule(3, 0.7, 30);
        final double[] base = walk(30, 1);

        ProposedOrder buyWith(double[] closes) {
            return order(Instruments.AAPL, Side.BUY, OrderReason.SIGNAL, "1", "10", d("9"), Double.NaN, closes);
        }

        RiskContext with(double[]... closesOfOthers) {
            List<OpenPosition> ps = new java.util.ArrayList<>();
            for (int k = 0; k < closesOfOthers.length; k++) {
                ps.add(position("other-" + k, "ETH-USD", "1", "100", closesOfOthers[k]));
            }
            return RiskContext.of(running("1000"), ps, d("100000"));
        }

        @Test
        void shouldAllowTheThirdCorrelatedPositionAndRefuseTheFourth() {
            double[] twin = scaled(base, 2); // identical returns: correlation 1
            assertThat(rule.check(with(twin, twin), buyWith(base)).passed()).isTrue();
            RuleResult r = rule.check(with(twin, twin, twin), buyWith(base));
            assertThat(r.passed()).isFalse();
            assertThat(r.detail()).contains("3 correlated");
        }

        @Test
        void shouldNotCountUncorrelatedPositions() {
            double[] other = walk(30, 99);
            assertThat(CorrelatedPositionsRule.correlation(base, other, 30)).isLessThan(0.7);
            assertThat(rule.check(with(other, other, other, other), buyWith(base)).passed()).isTrue();
        }

        @Test
        void shouldCountAboveTheThresholdOnly() {
            // two short series whose returns agree in part
            double[] a = {100, 101, 100, 102, 101, 103};
            double[] b = {100, 101, 100, 101, 102, 103};
            double rho = CorrelatedPositionsRule.correlation(a, b, 30);
            // r_a = (.01, -.009901, .02, -.009804, .019802), r_b = (.01, -.009901, .01, .009901, .009804);
            // their Pearson correlation, computed independently (numpy.corrcoef), is 0.5916926478
            assertThat(rho).isCloseTo(0.5916926478, org.assertj.core.data.Offset.offset(1e-9));
            CorrelatedPositionsRule at = new CorrelatedPositionsRule(1, rho, 30);
            CorrelatedPositionsRule below = new CorrelatedPositionsRule(1, rho - 1e-9, 30);
            // "above the threshold": rho == threshold does not count, so one open position is not one too many
            assertThat(at.check(with(b), buyWith(a)).passed()).isTrue();
            assertThat(below.check(with(b), buyWith(a)).passed()).isFalse();
        }

        @Test
        void shouldTreatTooShortOrFlatHistoriesAsUncorrelated() {
            assertThat(CorrelatedPositionsRule.correlation(new double[] {1, 2}, new double[] {1, 2}, 30)).isNaN();
            assertThat(CorrelatedPositionsRule.correlation(new double[] {5, 5, 5, 5}, base, 30)).isNaN();
        }
    }

    @Nested
    class DeployedCapital {
        final DeployedCapitalRule rule = new DeployedCapitalRule(d("0.80"));

        RiskContext deployed(String amount) {
            return new RiskContext(running("1000"), List.of(), d("10000"), d(amount));
        }

        @Test
        void shouldAllowExactlyEightyPercentAndRefuseACentMore() {
            assertThat(rule.check(deployed("7900"), buy("10", "10")).passed()).isTrue(); // 8000.00
            RuleResult r = rule.check(deployed("7900.01"), buy("10", "10"));
            assertThat(r.passed()).isFalse();
            assertThat(r.detail()).contains("8000.01").contains("80%");
            assertThat(rule.check(deployed("9999"), sell("10", "10", OrderReason.SIGNAL)).passed()).isTrue();
        }

        @Test
        void shouldSumDeployedCapitalOverEveryOpenPosition() {
            RiskContext ctx = RiskContext.of(running("1000"),
                    List.of(position("a", "AAPL", "10", "100"), position("b", "BTC-USD", "-0.1", "30000")), d("10000"));
            assertThat(ctx.deployedCapital()).isEqualByComparingTo("4000");
        }
    }

    @Test
    void allShouldListEveryRuleOnceInCheckOrder() {
        List<RiskRule> rules = RiskRules.all(RiskLimits.defaults(), spec(d("10000"), d("10"), d("0.05"), 5, 0.5));
        assertThat(rules).extracting(RiskRule::name).containsExactly("agent-active", "daily-trade-limit", "position-limit",
                "stop-loss-required", "daily-loss-limit", "max-drawdown", "min-confidence", "max-open-positions",
                "max-correlated-positions", "max-deployed-capital");
    }

    static double[] walk(int n, long seed) {
        Random r = new Random(seed);
        double[] c = new double[n];
        double p = 100;
        for (int k = 0; k < n; k++) {
            p *= 1 + 0.01 * r.nextGaussian();
            c[k] = p;
        }
        return c;
    }

    static double[] scaled(double[] c, double f) {
        double[] out = new double[c.length];
        for (int k = 0; k < c.length; k++) {
            out[k] = c[k] * f;
        }
        return out;
    }
}
