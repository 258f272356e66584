package io.ztrade.bench.orderbook;

import io.ztrade.events.payload.OrderRequest;
import io.ztrade.orderbook.engine.InstrumentSpec;
import io.ztrade.orderbook.service.core.BookSettings;
import io.ztrade.orderbook.service.core.Incoming;
import io.ztrade.orderbook.service.core.Instruments;
import io.ztrade.orderbook.service.core.PartitionState;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a snapshot costs the sequencer thread, side by side in one run: before, the whole partition
 * state was encoded there ({@code toBytes()}); now only a copy is taken there ({@code freeze()}) and
 * the writer thread encodes it ({@code toBytes(frozen)}). The state: one AAPL book with a full
 * clientOrderId window (the default 100,000) and some thousands of resting orders, as in the
 * end-to-end benchmark. Prints the median and p99 of each over the runs. A plain main, not JMH: the
 * numbers are milliseconds.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.ztrade.bench.orderbook.SnapshotOnSequencer [commands, 150000] [runs, 40]</pre>
 */
public final class SnapshotOnSequencer {

    private SnapshotOnSequencer() {}

    public static void main(String[] args) {
        int commands = args.length > 0 ? Integer.parseInt(args[0]) : 150_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Instruments instruments = Instruments.of(List.of(InstrumentSpec.withBandFraction("AAPL", new BigDecimal("0.01"),
                BigDecimal.ONE, 1, 1_000_000, 15_000, new BigDecimal("0.5"))));
        PartitionState state = new PartitionState(0, instruments, BookSettings.defaults(), s -> 0);
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < commands; i++) {
            boolean buy = random.nextBoolean();
            // prices around 150.00, half of them crossing: many trade, tens of thousands rest
            int ticks = 15_000 + (buy ? -1 : 1) * (random.nextInt(400) - 200);
            String price = BigDecimal.valueOf(ticks, 2).toPlainString();
            OrderRequest place = OrderRequest.place("c-" + i, "acct-" + random.nextInt(200), "AAPL", buy ? "BUY" : "SELL",
                    "LIMIT", "GTC", false, price, Integer.toString(1 + random.nextInt(50)));
            state.apply(Incoming.of(0, i, 1_700_000_000_000L + i, "cmd-" + i, place));
        }
        int resting = state.book("AAPL").orderCount();
        long[] encode = new long[runs];
        long[] freeze = new long[runs];
        long[] encodeFrozen = new long[runs];
        int bytes = 0;
        for (int warm = 0; warm < 5; warm++) {
            bytes = state.toBytes().length + PartitionState.toBytes(state.freeze()).length;
        }
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            byte[] whole = state.toBytes();
            long t1 = System.nanoTime();
            PartitionState.Frozen frozen = state.freeze();
            long t2 = System.nanoTime();
            byte[] later = PartitionState.toBytes(frozen);
            long t3 = System.nanoTime();
            if (!Arrays.equals(whole, later)) {
                throw new IllegalStateException("the frozen copy encodes differently");
            }
            bytes = whole.length;
            encode[r] = t1 - t0;
            freeze[r] = t2 - t1;
            encodeFrozen[r] = t3 - t2;
        }
        System.out.printf("state: %,d commands applied, %,d resting orders, snapshot %,d bytes; %d runs, %s%n", commands,
                resting, bytes, runs, System.getProperty("java.vm.version"));
        print("before: toBytes() on the sequencer", encode);
        print("now:    freeze() on the sequencer", freeze);
        print("now:    toBytes(frozen) on the writer", encodeFrozen);
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-40s median %7.2f ms   p99 %7.2f ms%n", what, sorted[sorted.length / 2] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6);
    }
}
