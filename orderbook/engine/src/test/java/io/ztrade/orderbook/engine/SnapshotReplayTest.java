package io.ztrade.orderbook.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Takes a snapshot in the middle of a random command stream, restores it into fresh and used books of
 * both implementations, continues the same stream on all of them and requires identical events.
 */
class SnapshotReplayTest {

    private static final InstrumentSpec SPEC = RandomReplayTest.SPEC;

    @Test
    void shouldContinueWithIdenticalEventsAfterRestoringMidStreamSnapshot() {
        BookConfig config = new BookConfig(SelfTradePrevention.CANCEL_RESTING, 256, 64);
        EventCollector originalEvents = new EventCollector();
        OrderBook original = new FastOrderBook(SPEC, config, originalEvents);
        RandomCommands stream = new RandomCommands(99L, SPEC, 8, 1_500);
        for (int i = 0; i < 60_000; i++) {
            original.execute(stream.next());
            stream.observe(originalEvents.drain(), original);
        }

        BookSnapshot snapshot = original.snapshot();
        byte[] bytes = snapshot.toBytes();
        assertThat(snapshot.orders()).hasSizeGreaterThan(100);
        assertThat(BookSnapshot.fromBytes(bytes)).isEqualTo(snapshot);

        List<EventCollector> collectors = new ArrayList<>();
        List<OrderBook> restored = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            EventCollector c = new EventCollector();
            OrderBook book = k % 2 == 0 ? new FastOrderBook(SPEC, config, c) : new ReferenceOrderBook(SPEC, config, c);
            if (k >= 2) {
                // A used book: orders, trades and a sequence of its own before the restore.
                RandomCommands noise = new RandomCommands(5L, SPEC, 4, 300);
                for (int i = 0; i < 5_000; i++) {
                    book.execute(noise.next());
                    noise.observe(c.drain(), book);
                }
            }
            assertThat(book.restore(BookSnapshot.fromBytes(bytes))).isEqualTo(ResultCode.SUCCESS);
            assertThat(book.snapshot()).isEqualTo(snapshot);
            c.clear();
            collectors.add(c);
            restored.add(book);
        }

        InvariantChecker checker = new InvariantChecker(snapshot);
        for (int i = 0; i < 60_000; i++) {
            OrderCommand command = stream.next();
            ResultCode expected = original.execute(command);
            List<OrderBookEvent> events = originalEvents.drain();
            for (int k = 0; k < restored.size(); k++) {
                assertThat(restored.get(k).execute(command)).isEqualTo(expected);
                List<OrderBookEvent> actual = collectors.get(k).drain();
                if (!actual.equals(events)) {
                    assertThat(actual).as("book %d, command %d after restore: %s", k, i, command)
                            .containsExactlyElementsOf(events);
                }
            }
            checker.apply(events);
            stream.observe(events, original);
        }
        checker.verify(original);
        for (OrderBook book : restored) {
            assertThat(book.snapshot()).isEqualTo(original.snapshot());
        }
    }
}
