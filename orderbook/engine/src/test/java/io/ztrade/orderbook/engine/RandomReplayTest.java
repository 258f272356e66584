package io.ztrade.orderbook.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs long seeded random command streams through {@link FastOrderBook} and {@link ReferenceOrderBook}
 * side by side and requires the same result code and exactly the same events for every command, the
 * same depth every thousand commands and the same full state (and the book invariants) periodically.
 */
class RandomReplayTest {

    static final InstrumentSpec SPEC = new InstrumentSpec("RND", new BigDecimal("0.5"), new BigDecimal("0.001"), 1, 500, 20_000, 400);

    /** What a replay exercised, so a test can insist every path was taken. */
    static final class Coverage {
        final Map<ResultCode, Integer> results = new EnumMap<>(ResultCode.class);
        final Map<CancelReason, Integer> cancels = new EnumMap<>(CancelReason.class);
        long trades;
        long amendsKeepingPriority;
        long amendsLosingPriority;
        int maxResting;

        void count(ResultCode code, List<OrderBookEvent> events, OrderBook book) {
            results.merge(code, 1, Integer::sum);
            for (OrderBookEvent e : events) {
                switch (e) {
                    case OrderBookEvent.Trade t -> trades++;
                    case OrderBookEvent.Cancelled c -> cancels.merge(c.reason(), 1, Integer::sum);
                    case OrderBookEvent.Amended m -> {
                        if (m.priorityKept()) {
                            amendsKeepingPriority++;
                        } else {
                            amendsLosingPriority++;
                        }
                    }
                    default -> {
                    }
                }
            }
            maxResting = Math.max(maxResting, book.orderCount());
        }
    }

    @Test
    void shouldMatchReferenceBookEventForEventOverAMillionCommandsWithCancelRestingStp() {
        Coverage coverage = replay(20240601L, BookConfig.of(SelfTradePrevention.CANCEL_RESTING), 1_000_000, 12);

        assertThat(coverage.trades).isGreaterThan(100_000);
        assertThat(coverage.cancels.keySet()).containsExactlyInAnyOrder(CancelReason.values());
        assertThat(coverage.results.keySet()).contains(ResultCode.SUCCESS, ResultCode.DUPLICATE_ORDER_ID,
                ResultCode.UNKNOWN_ORDER, ResultCode.ACCOUNT_MISMATCH, ResultCode.POST_ONLY_WOULD_CROSS,
                ResultCode.PRICE_OUTSIDE_BAND, ResultCode.INVALID_QUANTITY, ResultCode.QUANTITY_ABOVE_MAX,
                ResultCode.POST_ONLY_REQUIRES_GTC, ResultCode.INVALID_ACCOUNT, ResultCode.INVALID_PRICE);
        assertThat(coverage.amendsKeepingPriority).isPositive();
        assertThat(coverage.amendsLosingPriority).isPositive();
        assertThat(coverage.maxResting).isGreaterThan(800);
    }

    @Test
    void shouldMatchReferenceBookWithRejectIncomingStpAndSmallDuplicateWindow() {
        Coverage coverage = replay(77L, new BookConfig(SelfTradePrevention.REJECT_INCOMING, 64, 16), 300_000, 6);

        assertThat(coverage.results).containsKey(ResultCode.SELF_TRADE_PREVENTED);
        assertThat(coverage.cancels).containsKey(CancelReason.SELF_TRADE);
        assertThat(coverage.results.get(ResultCode.DUPLICATE_ORDER_ID)).isPositive();
    }

    private static Coverage replay(long seed, BookConfig config, int commands, int accounts) {
        EventCollector fastEvents = new EventCollector();
        EventCollector referenceEvents = new EventCollector();
        OrderBook fast = new FastOrderBook(SPEC, config, fastEvents);
        OrderBook reference = new ReferenceOrderBook(SPEC, config, referenceEvents);
        RandomCommands stream = new RandomCommands(seed, SPEC, accounts, 2_000);
        InvariantChecker checker = new InvariantChecker();
        Coverage coverage = new Coverage();

        for (int i = 1; i <= commands; i++) {
            OrderCommand command = stream.next();
            ResultCode fastCode = fast.execute(command);
            ResultCode referenceCode = reference.execute(command);
            assertThat(fastCode).as("command %d: %s", i, command).isEqualTo(referenceCode);
            if (!fastEvents.events().equals(referenceEvents.events())) {
                assertThat(fastEvents.events()).as("events of command %d: %s", i, command)
                        .containsExactlyElementsOf(referenceEvents.events());
            }
            List<OrderBookEvent> events = referenceEvents.drain();
            fastEvents.clear();
            checker.apply(events);
            stream.observe(events, reference);
            coverage.count(referenceCode, events, reference);

            if (i % 1_000 == 0) {
                assertThat(fast.depth(25)).as("depth after %d", i).isEqualTo(reference.depth(25));
                assertThat(fast.orderCount()).isEqualTo(reference.orderCount());
            }
            if (i % 50_000 == 0) {
                assertThat(fast.snapshot()).as("state after %d", i).isEqualTo(reference.snapshot());
                checker.verify(fast);
                checker.verify(reference);
            }
        }
        assertThat(fast.snapshot()).isEqualTo(reference.snapshot());
        return coverage;
    }
}
