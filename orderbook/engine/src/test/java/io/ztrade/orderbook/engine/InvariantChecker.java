package io.ztrade.orderbook.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows a book's events and checks, through the public API only, what must hold after every
 * command: consecutive sequences and trade ids, a book that is never crossed, FIFO inside each price
 * level, no empty level, depth totals equal to the sum of the resting orders, lookups agreeing with the
 * snapshot, and per order {@code submitted = filled + resting + cancelled}.
 */
final class InvariantChecker {

    private static final class Ledger {
        long submitted;
        long filled;
        long cancelled;
        /** Sequence of the event that last gave the order its place in the queue. */
        long priority;
    }

    private final Map<Long, Ledger> ledgers = new HashMap<>();
    private final Set<Long> touched = new HashSet<>();
    private long lastSequence;
    private long lastTradeId;

    InvariantChecker() {
    }

    /** Starts from a restored state: the snapshot's orders become the ledger's opening balances. */
    InvariantChecker(BookSnapshot from) {
        lastSequence = from.sequence();
        lastTradeId = from.lastTradeId();
        long priority = 0;
        for (OrderInfo o : from.orders()) {
            Ledger l = new Ledger();
            l.submitted = o.remaining() + o.filled();
            l.filled = o.filled();
            l.priority = -1_000_000_000L + priority++; // snapshot order is priority order
            ledgers.put(o.orderId(), l);
        }
    }

    private Ledger ledger(long id) {
        touched.add(id);
        return ledgers.computeIfAbsent(id, k -> new Ledger());
    }

    /** Applies the events of one command; checks numbering and the remaining quantities trades report. */
    void apply(List<OrderBookEvent> events) {
        for (OrderBookEvent e : events) {
            assertThat(e.sequence()).as("sequence of %s", e).isEqualTo(lastSequence + 1);
            lastSequence = e.sequence();
            switch (e) {
                case OrderBookEvent.Accepted a -> {
                    Ledger l = ledger(a.orderId());
                    // An id may come back once the duplicate window forgot it, but never while its order is open.
                    assertThat(l.submitted).as("id reused while open: %s", a).isEqualTo(l.filled + l.cancelled);
                    l.submitted = a.quantity();
                    l.filled = 0;
                    l.cancelled = 0;
                    l.priority = a.sequence();
                }
                case OrderBookEvent.Trade t -> {
                    assertThat(t.tradeId()).as("trade id of %s", t).isEqualTo(lastTradeId + 1);
                    lastTradeId = t.tradeId();
                    assertThat(t.quantity()).isPositive();
                    Ledger maker = ledger(t.makerOrderId());
                    Ledger taker = ledger(t.takerOrderId());
                    maker.filled += t.quantity();
                    taker.filled += t.quantity();
                    assertThat(maker.submitted - maker.filled - maker.cancelled).as("maker remaining in %s", t)
                            .isEqualTo(t.makerRemaining());
                    assertThat(taker.submitted - taker.filled - taker.cancelled).as("taker remaining in %s", t)
                            .isEqualTo(t.takerRemaining());
                    assertThat(t.makerAccount()).as("self trade %s", t).isNotEqualTo(t.takerAccount());
                }
                case OrderBookEvent.Cancelled c -> {
                    assertThat(c.cancelledQuantity()).isPositive();
                    ledger(c.orderId()).cancelled += c.cancelledQuantity();
                }
                case OrderBookEvent.Amended m -> {
                    Ledger l = ledger(m.orderId());
                    l.submitted += m.newQuantity() - m.oldQuantity();
                    if (!m.priorityKept()) {
                        l.priority = m.sequence();
                    }
                }
                case OrderBookEvent.Rejected r -> assertThat(r.reason()).isNotEqualTo(ResultCode.SUCCESS);
            }
        }
    }

    /** Checks the book against the events applied so far. */
    void verify(OrderBook book) {
        assertThat(book.sequence()).isEqualTo(lastSequence);
        assertThat(book.lastTradeId()).isEqualTo(lastTradeId);
        BookSnapshot snapshot = book.snapshot();
        List<OrderInfo> orders = snapshot.orders();
        assertThat(book.orderCount()).isEqualTo(orders.size());

        // Priority order: bids best first, then asks best first; FIFO within a price.
        int firstAsk = 0;
        while (firstAsk < orders.size() && orders.get(firstAsk).side() == Side.BUY) {
            firstAsk++;
        }
        for (int i = firstAsk; i < orders.size(); i++) {
            assertThat(orders.get(i).side()).as("bids before asks").isEqualTo(Side.SELL);
        }
        Map<Long, long[]> levels = new HashMap<>();
        Set<Long> resting = new HashSet<>();
        for (int i = 0; i < orders.size(); i++) {
            OrderInfo o = orders.get(i);
            assertThat(o.remaining()).as("open quantity of %s", o).isPositive();
            assertThat(book.order(o.orderId())).isEqualTo(o);
            resting.add(o.orderId());
            long[] level = levels.computeIfAbsent(o.price(), p -> new long[2]);
            level[0] += o.remaining();
            level[1]++;
            if (i > 0 && i != firstAsk) {
                OrderInfo prev = orders.get(i - 1);
                if (o.side() == Side.BUY) {
                    assertThat(o.price()).as("bids best first").isLessThanOrEqualTo(prev.price());
                } else {
                    assertThat(o.price()).as("asks best first").isGreaterThanOrEqualTo(prev.price());
                }
                if (prev.price() == o.price()) {
                    assertThat(ledgers.get(o.orderId()).priority).as("FIFO at %d", o.price())
                            .isGreaterThan(ledgers.get(prev.orderId()).priority);
                }
            }
        }

        // Never crossed; best prices agree with the orders.
        long bestBid = firstAsk > 0 ? orders.get(0).price() : OrderBook.NO_PRICE;
        long bestAsk = firstAsk < orders.size() ? orders.get(firstAsk).price() : OrderBook.NO_PRICE;
        assertThat(book.bestBid()).isEqualTo(bestBid);
        assertThat(book.bestAsk()).isEqualTo(bestAsk);
        if (bestBid != OrderBook.NO_PRICE && bestAsk != OrderBook.NO_PRICE) {
            assertThat(bestBid).as("crossed book").isLessThan(bestAsk);
        }

        // Depth: no empty level, totals equal to the sum of the orders, best first.
        L2Depth depth = book.depth(Integer.MAX_VALUE);
        int levelCount = depth.bids().size() + depth.asks().size();
        assertThat(levelCount).isEqualTo(levels.size());
        checkSide(depth.bids(), levels, true);
        checkSide(depth.asks(), levels, false);

        // Conservation for every order touched since the last check.
        for (long id : touched) {
            Ledger l = ledgers.get(id);
            OrderInfo o = resting.contains(id) ? book.order(id) : null;
            long open = o == null ? 0 : o.remaining();
            assertThat(l.submitted).as("order %d: submitted = filled + resting + cancelled", id)
                    .isEqualTo(l.filled + open + l.cancelled);
            if (o != null) {
                assertThat(o.filled()).as("filled of %d", id).isEqualTo(l.filled);
            }
        }
        touched.clear();
    }

    private static void checkSide(List<L2Depth.Level> side, Map<Long, long[]> levels, boolean bids) {
        for (int i = 0; i < side.size(); i++) {
            L2Depth.Level level = side.get(i);
            assertThat(level.quantity()).isPositive();
            assertThat(level.orders()).isPositive();
            long[] expected = levels.get(level.price());
            assertThat(expected).as("level %d has orders", level.price()).isNotNull();
            assertThat(level.quantity()).as("total at %d", level.price()).isEqualTo(expected[0]);
            assertThat((long) level.orders()).as("count at %d", level.price()).isEqualTo(expected[1]);
            if (i > 0) {
                if (bids) {
                    assertThat(level.price()).isLessThan(side.get(i - 1).price());
                } else {
                    assertThat(level.price()).isGreaterThan(side.get(i - 1).price());
                }
            }
        }
    }
}
