package io.ztrade.bench.trading;

import io.ztrade.domain.backtest.Side;
import io.ztrade.domain.market.BarSeries;
import io.ztrade.domain.market.Instrument;
import io.ztrade.domain.market.Instruments;
import io.ztrade.domain.market.Timeframe;
import io.ztrade.domain.strategy.Strategies;
import io.ztrade.domain.strategy.Strategy;
import io.ztrade.domain.trading.AgentKind;
import io.ztrade.domain.trading.AgentSpec;
import io.ztrade.domain.trading.AgentState;
import io.ztrade.domain.trading.AgentStatus;
import io.ztrade.domain.trading.CommissionModel;
import io.ztrade.domain.trading.Decision;
import io.ztrade.domain.trading.Execution;
import io.ztrade.domain.trading.Ledger;
import io.ztrade.domain.trading.OpenPosition;
import io.ztrade.domain.trading.RiskContext;
import io.ztrade.domain.trading.RiskLimits;
import io.ztrade.domain.trading.TradingDecider;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The trading core without I/O, single thread:
 *
 * <ul>
 *   <li>{@link #decideAgents}: agents evaluated per second. {@value #AGENTS} agents (the four
 *       strategies round-robin on AAPL, BTC-USD and ETH-USD, each with its own {@value #BARS}-bar
 *       seeded random walk, sentiment on the last bar), each decided once per invocation with
 *       {@link TradingDecider#decide}: a fresh evaluator over all its bars, stop-loss/take-profit check,
 *       sizing, all ten risk rules against a portfolio of two open positions (so the correlation
 *       rule computes two Pearson correlations over 30 closes whenever a BUY is proposed). Score:
 *       agents/s.
 *   <li>{@link #bookFills}: fills booked per second by {@link Ledger#apply}: {@value #FILLS}
 *       executions with distinct ids (partial buys and sells of a BTC-USD position, commission 1 +
 *       10 bps computed by {@link CommissionModel}) into a fresh ledger. Score: fills/s.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TradingCoreBenchmark {

    static final int AGENTS = 1_000;
    static final int BARS = 250;
    static final int FILLS = 10_000;

    private static final Instant NOW = Instant.parse("2026-06-01T15:00:00Z");

    private TradingDecider decider;
    private AgentSpec[] specs;
    private RiskContext[] contexts;
    private BarSeries[] series;
    private Execution[] executions;

    @Setup(Level.Trial)
    public void setUp() {
        CommissionModel costs = new CommissionModel(BigDecimal.ONE, BigDecimal.TEN);
        decider = new TradingDecider(RiskLimits.defaults(), costs);
        Instrument[] instruments = {Instruments.AAPL, Instruments.BTC_USD, Instruments.ETH_USD};
        List<Map.Entry<String, Map<String, Object>>> strategies = List.of(
                Map.entry("sma-crossover", Map.of("fast", 5, "slow", 20)),
                Map.entry("rsi-mean-reversion", Map.of("period", 14, "oversold", 45, "overbought", 55)),
                Map.entry("momentum", Map.of("period", 10, "threshold", 0.0)),
                Map.entry("ztrade-combined", Map.of("minConfidence", 0.5, "buyThreshold", 0.1, "sellThreshold", -0.1)));
        SplittableRandom random = new SplittableRandom(20260601L);
        specs = new AgentSpec[AGENTS];
        contexts = new RiskContext[AGENTS];
        series = new BarSeries[AGENTS];
        BigDecimal capital = new BigDecimal("10000");
        BigDecimal total = capital.multiply(BigDecimal.valueOf(AGENTS));
        List<OpenPosition> open = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            BarSeries s = walk(instruments[k], random);
            open.add(new OpenPosition("holder-" + k, instruments[k].symbol(), new BigDecimal("1"), new BigDecimal("100"),
                    Arrays.copyOfRange(s.closeColumn(), BARS - 30, BARS)));
        }
        for (int a = 0; a < AGENTS; a++) {
            Instrument instrument = instruments[a % 3];
            Map.Entry<String, Map<String, Object>> st = strategies.get(a % 4);
            Strategy strategy = Strategies.create(st.getKey(), st.getValue());
            String id = "agent-" + a;
            specs[a] = new AgentSpec(id, instrument, Timeframe.HOUR_1, strategy, capital, new BigDecimal("1000"),
                    new BigDecimal("0.05"), new BigDecimal("0.1"), 20, 0.0, false, AgentKind.TRADER, null, "bench");
            series[a] = walk(instrument, random);
            series[a].setSentiment(BARS - 1, random.nextDouble(-1, 1), random.nextDouble(0.5, 1));
            contexts[a] = RiskContext.of(AgentState.initial(id, AgentStatus.RUNNING, capital), open, total);
        }
        executions = new Execution[FILLS];
        BigDecimal qty = new BigDecimal("0.0100");
        for (int f = 0; f < FILLS; f++) {
            // four buys then four sells, so the position goes 0 -> 0.04 -> 0 with partial releases
            Side side = (f / 4) % 2 == 0 ? Side.BUY : Side.SELL;
            BigDecimal price = new BigDecimal(30000 + random.nextInt(-500, 500)).add(new BigDecimal("0.25"));
            executions[f] = new Execution("t" + f + "/" + side, "agent-1.c" + (f / 4), side, price, qty, costs.commission(price, qty));
        }
    }

    private static BarSeries walk(Instrument instrument, SplittableRandom random) {
        BarSeries s = new BarSeries(instrument, Timeframe.HOUR_1, BARS);
        double price = 100 + random.nextDouble() * 100;
        long t = NOW.toEpochMilli() - BARS * 3_600_000L;
        for (int i = 0; i < BARS; i++) {
            double open = Math.round(price * 100) / 100.0;
            price *= Math.exp(0.01 * gaussian(random));
            double close = Math.round(price * 100) / 100.0;
            s.add(t + i * 3_600_000L, open, Math.max(open, close), Math.min(open, close), close, 1_000);
        }
        return s;
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** Every agent decided once: decision + risk, no I/O. */
    @Benchmark
    @OperationsPerInvocation(AGENTS)
    public void decideAgents(Blackhole bh) {
        for (int a = 0; a < AGENTS; a++) {
            Decision d = decider.decide(specs[a], contexts[a], series[a], 0.2, NOW);
            bh.consume(d);
        }
    }

    /** {@value #FILLS} distinct fills booked in one ledger. */
    @Benchmark
    @OperationsPerInvocation(FILLS)
    public Ledger bookFills() {
        Ledger ledger = new Ledger(new BigDecimal("1000000"));
        for (Execution e : executions) {
            ledger.apply(e);
        }
        return ledger;
    }

    /** Prints the mix of decisions of the benchmark's agents (what the rules face). */
    public static void main(String[] args) {
        TradingCoreBenchmark b = new TradingCoreBenchmark();
        b.setUp();
        Map<String, Integer> mix = new java.util.TreeMap<>();
        for (int a = 0; a < AGENTS; a++) {
            Decision d = b.decider.decide(b.specs[a], b.contexts[a], b.series[a], 0.2, NOW);
            String key = d.action() + (d.action() == io.ztrade.domain.strategy.Action.HOLD ? ""
                    : d.taken() ? " taken" : " refused by " + d.refusedBy());
            mix.merge(key, 1, Integer::sum);
        }
        System.out.println(mix);
    }
}
