package io.ztrade.bench.backtest;

import io.ztrade.domain.backtest.BacktestConfig;
import io.ztrade.domain.backtest.BacktestEngine;
import io.ztrade.domain.backtest.BacktestResult;
import io.ztrade.domain.market.BarSeries;
import io.ztrade.domain.market.Instruments;
import io.ztrade.domain.market.Timeframe;
import io.ztrade.domain.strategy.SmaCrossover;
import io.ztrade.domain.strategy.Strategy;
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

/**
 * Backtest throughput in bars per second: SMA 10/30 crossover over 1,000,000 synthetic one-minute
 * bars (seeded geometric random walk), through {@link BacktestEngine} including fills and metrics,
 * beside a bare primitive loop that computes the same crossover signals and nothing else.
 *
 * <p>Each invocation processes {@value #BARS} bars and counts as that many operations, so the score
 * is bars/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(BacktestEngineBenchmark.BARS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BacktestEngineBenchmark {

    static final int BARS = 1_000_000;
    private static final long SEED = 20240601L;

    private BarSeries series;
    private Strategy strategy;
    private BacktestConfig config;
    private BacktestEngine engine;

    @Setup(Level.Trial)
    public void setUp() {
        series = randomWalk(BARS, SEED);
        strategy = new SmaCrossover(10, 30);
        // a fixed commission per fill, no proportional costs: with bps costs a 10/30 crossover on
        // one-minute noise loses its capital within the first quarter of the bars and then sits flat,
        // which would make the run cheaper, not more realistic
        config = new BacktestConfig(1_000_000, 1, 0, 0, BacktestConfig.DEFAULT_RISK_FREE_RATE);
        engine = new BacktestEngine();
    }

    /** The engine: signals, next-open fills with costs, equity curve and every metric. */
    @Benchmark
    public BacktestResult engineSmaCrossover() {
        return engine.run(series, strategy, config);
    }

    /** Baseline: rolling sums and the same crossover signals over the close column, nothing else. */
    @Benchmark
    public long bareLoopSmaCrossover() {
        return bareCrossovers(series.closeColumn(), series.size(), 10, 30);
    }

    /** Number of BUY signals plus 2^32 times the number of SELL signals, so that nothing is dead code. */
    static long bareCrossovers(double[] close, int n, int fast, int slow) {
        double fastSum = 0;
        double slowSum = 0;
        double prevFast = Double.NaN;
        double prevSlow = Double.NaN;
        long buys = 0;
        long sells = 0;
        for (int i = 0; i < n; i++) {
            double c = close[i];
            fastSum += c;
            slowSum += c;
            if (i >= fast) {
                fastSum -= close[i - fast];
            }
            if (i >= slow) {
                slowSum -= close[i - slow];
            }
            double f = i >= fast - 1 ? fastSum / fast : Double.NaN;
            double s = i >= slow - 1 ? slowSum / slow : Double.NaN;
            if (f > s && prevFast <= prevSlow) {
                buys++;
            } else if (f < s && prevFast >= prevSlow) {
                sells++;
            }
            prevFast = f;
            prevSlow = s;
        }
        return buys + (sells << 32);
    }

    /** One-minute BTC-USD bars: a geometric random walk from 30,000 with 0.1% volatility per bar. */
    static BarSeries randomWalk(int bars, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BarSeries s = new BarSeries(Instruments.BTC_USD, Timeframe.MIN_1, bars);
        long t = 1_704_067_200_000L; // 2024-01-01T00:00Z
        double price = 30_000;
        for (int i = 0; i < bars; i++) {
            double open = price * Math.exp(0.0002 * random.nextGaussian());
            double close = open * Math.exp(0.001 * random.nextGaussian());
            double high = Math.max(open, close) * (1 + 0.0005 * random.nextDouble());
            double low = Math.min(open, close) * (1 - 0.0005 * random.nextDouble());
            s.add(t, open, high, low, close, 1 + 10 * random.nextDouble());
            t += 60_000;
            price = close;
        }
        return s;
    }
}
