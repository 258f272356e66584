package io.ztrade.bench.orderbook;

/**
 * Applies {@link CommandStream} commands to one order book implementation. One implementation per
 * JVM run, so the call site stays monomorphic.
 */
public interface BookDriver {

    /** Puts the book back into the state right after the prefill. */
    void reset();

    /** Applies command {@code i} of the stream. */
    void apply(CommandStream stream, int i);

    /** A number that depends on everything the book emitted (keeps the work observable). */
    long checksum();

    /**
     * A driver by name: {@code fast}, {@code reference}, {@code exchange-core}, or {@code none} (no
     * book at all: the harness and the machine alone, a baseline for latency).
     */
    static BookDriver create(String name, ExchangeCoreMix mix) {
        return switch (name) {
            case "fast" -> new ZtradeDriver(mix, true);
            case "reference" -> new ZtradeDriver(mix, false);
            case "exchange-core" -> new ExchangeCoreDriver(mix);
            case "none" -> new NoBookDriver();
            default -> throw new IllegalArgumentException("unknown book " + name + " (fast, reference, exchange-core, none)");
        };
    }

    /** Reads each command and does nothing with it. */
    final class NoBookDriver implements BookDriver {
        private long checksum;

        @Override
        public void reset() {
        }

        @Override
        public void apply(CommandStream stream, int i) {
            checksum += stream.orderId[i];
        }

        @Override
        public long checksum() {
            return checksum;
        }
    }
}
