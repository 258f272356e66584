package io.ztrade.bench.orderbook;

import org.HdrHistogram.Histogram;

/**
 * Latency of one order book at a fixed offered rate on exchange-core's mix (see
 * {@link ExchangeCoreMix}). Commands are sent on a fixed schedule ({@code start + i / rate}); each
 * latency is measured from the command's intended send time to the end of its processing, so a
 * stall delays, and is charged to, every command scheduled behind it (no coordinated omission).
 * A second histogram records the service time alone (from the actual start of each command), which
 * leaves out the queueing behind stalls of the machine.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.ztrade.bench.orderbook.OrderBookLatency fast 1000000 20</pre>
 *
 * Arguments: book ({@code fast}, {@code exchange-core}, {@code reference}, {@code none}), offered rate in commands
 * per second (default 1,000,000), measured passes of 1,000,000 commands (default 20). Five warm-up
 * passes run first. The book is reset between passes (not measured).
 */
public final class OrderBookLatency {

    private OrderBookLatency() {
    }

    /** Runs the measurement and prints percentiles in microseconds. */
    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "fast";
        long rate = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int warmups = 5;

        ExchangeCoreMix mix = ExchangeCoreMix.generate(1L, 5_000, 1_000, 1_000_000);
        BookDriver driver = BookDriver.create(name, mix);
        CommandStream stream = mix.commands;
        Histogram histogram = new Histogram(10_000_000_000L, 3);
        Histogram service = new Histogram(10_000_000_000L, 3);
        double intervalNanos = 1e9 / rate;
        long blackhole = 0;
        long busiest = 0;

        for (int pass = 0; pass < warmups + passes; pass++) {
            driver.reset();
            boolean measured = pass >= warmups;
            long start = System.nanoTime() + 1_000_000;
            while (System.nanoTime() < start) {
                Thread.onSpinWait();
            }
            for (int i = 0; i < stream.size(); i++) {
                long intended = start + (long) (i * intervalNanos);
                long now;
                while ((now = System.nanoTime()) < intended) {
                    Thread.onSpinWait();
                }
                driver.apply(stream, i);
                if (measured) {
                    long end = System.nanoTime();
                    histogram.recordValue(end - intended);
                    service.recordValue(end - now);
                }
            }
            busiest = Math.max(busiest, System.nanoTime() - start);
            blackhole += driver.checksum();
        }

        System.out.printf("book=%s rate=%,d/s commands=%,d (%d passes) orders %d->%d trading=%.1f%%%n",
                name, rate, histogram.getTotalCount(), passes, mix.startingOrders, mix.endingOrders, mix.tradingPercent);
        print("response (from intended send)", histogram);
        print("service (from actual start)  ", service);
        System.out.println("checksum " + blackhole);
    }

    private static void print(String label, Histogram h) {
        System.out.printf("%s us: p50=%.3f p90=%.3f p99=%.3f p99.9=%.3f p99.99=%.3f max=%.1f%n", label,
                us(h.getValueAtPercentile(50)), us(h.getValueAtPercentile(90)), us(h.getValueAtPercentile(99)),
                us(h.getValueAtPercentile(99.9)), us(h.getValueAtPercentile(99.99)), us(h.getMaxValue()));
    }

    private static double us(long nanos) {
        return nanos / 1000.0;
    }
}
