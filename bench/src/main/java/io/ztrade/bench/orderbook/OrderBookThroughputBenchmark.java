package io.ztrade.bench.orderbook;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of one order book on exchange-core's single-symbol mix (9% GTC, 3% IOC, 6% cancel,
 * 82% move; ~5,000 resting orders, 1,000 accounts). Each invocation replays the same 1,000,000
 * pre-generated commands from the same starting book (reset outside the measurement), so the
 * score is commands per second.
 *
 * <pre>java -jar bench/target/benchmarks.jar OrderBookThroughput -f 1 -wi 3 -w 2s -i 5 -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OrderBookThroughputBenchmark {

    static final int COMMANDS = 1_000_000;

    /** Which book: {@code fast}, {@code reference} or {@code exchange-core}. */
    @Param({"fast", "exchange-core", "reference"})
    public String book;

    private ExchangeCoreMix mix;
    private BookDriver driver;

    @Setup(Level.Trial)
    public void generate() {
        mix = ExchangeCoreMix.generate(1L, 5_000, 1_000, COMMANDS);
        driver = BookDriver.create(book, mix);
    }

    @Setup(Level.Invocation)
    public void resetBook() {
        driver.reset();
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public long replay() {
        CommandStream stream = mix.commands;
        BookDriver d = driver;
        for (int i = 0; i < COMMANDS; i++) {
            d.apply(stream, i);
        }
        return d.checksum();
    }
}
