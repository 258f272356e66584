package io.ztrade.orderbook.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast book's promise to the hot path: once its pools are warm, commands allocate nothing. */
class FastOrderBookAllocationTest {

    @Test
    void shouldAllocateNothingPerCommandOnceWarm() {
        InstrumentSpec spec = RandomReplayTest.SPEC;
        BookConfig config = BookConfig.of(SelfTradePrevention.CANCEL_RESTING);
        OrderCommand[] commands = generate(spec, config, 200_000);
        OrderBook book = new FastOrderBook(spec, config, OrderBookListener.NO_OP);
        BookSnapshot empty = book.snapshot();

        run(book, commands); // fills the pools and grows the tables
        book.restore(empty);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        long thread = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(thread);
        long checksum = run(book, commands);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(checksum).isPositive();
        // Any allocation per command costs at least 16 bytes each; fewer bytes than commands in total
        // leaves room only for the JVM's own one-off allocations (JIT deoptimisation, OSR, TLAB stats).
        assertThat(allocated).as("bytes allocated by 200,000 commands").isLessThan(commands.length);
    }

    /** A replayable stream: commands of every kind, generated against a book that starts empty. */
    private static OrderCommand[] generate(InstrumentSpec spec, BookConfig config, int count) {
        EventCollector events = new EventCollector();
        OrderBook book = new FastOrderBook(spec, config, events);
        RandomCommands stream = new RandomCommands(11L, spec, 10, 2_000);
        OrderCommand[] commands = new OrderCommand[count];
        for (int i = 0; i < count; i++) {
            commands[i] = stream.next();
            book.execute(commands[i]);
            List<OrderBookEvent> emitted = events.drain();
            stream.observe(emitted, book);
        }
        return commands;
    }

    private static long run(OrderBook book, OrderCommand[] commands) {
        long checksum = 0;
        for (OrderCommand command : commands) {
            ResultCode code;
            if (command instanceof OrderCommand.PlaceLimit c) {
                code = book.placeLimit(c.orderId(), c.account(), c.side(), c.price(), c.quantity(), c.timeInForce(), c.postOnly());
            } else if (command instanceof OrderCommand.PlaceMarket c) {
                code = book.placeMarket(c.orderId(), c.account(), c.side(), c.quantity(), c.protectionPrice());
            } else if (command instanceof OrderCommand.Cancel c) {
                code = book.cancel(c.orderId(), c.account());
            } else {
                OrderCommand.Amend c = (OrderCommand.Amend) command;
                code = book.amend(c.orderId(), c.account(), c.newPrice(), c.newQuantity());
            }
            checksum += code.code() + 1;
        }
        return checksum + book.sequence();
    }
}
