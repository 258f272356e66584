package io.ztrade.orderbook.service.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ztrade.events.EventTypes;
import io.ztrade.events.payload.OrderFilled;
import io.ztrade.events.payload.OrderRejected;
import io.ztrade.events.payload.OrderRequest;
import io.ztrade.orderbook.engine.Side;
import io.ztrade.orderbook.service.core.Execution;
import io.ztrade.orderbook.service.core.Incoming;
import io.ztrade.orderbook.service.core.Instruments;
import io.ztrade.orderbook.service.core.Outcome;
import io.ztrade.orderbook.service.core.SymbolBook;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's Micrometer meters. Rates (orders, fills, updates per second) are what Prometheus
 * computes from the counters ({@code rate(ztrade_orderbook_orders_total[1m])}).
 *
 * <ul>
 *   <li>{@code ztrade.orderbook.order.ack} (timer, histogram): command record timestamp to its outcome
 *       handed to the producer; for REST commands the produce round trip is included</li>
 *   <li>{@code ztrade.orderbook.commands} {command, outcome}: commands applied</li>
 *   <li>{@code ztrade.orderbook.orders} {symbol}: new orders accepted</li>
 *   <li>{@code ztrade.orderbook.fills} {symbol}: trades</li>
 *   <li>{@code ztrade.orderbook.updates} {symbol}: book updates (accepted, filled, cancelled, amended)</li>
 *   <li>{@code ztrade.orderbook.rejects} {reason}: rejected commands by code</li>
 *   <li>{@code ztrade.orderbook.book.orders} {symbol}, {@code ztrade.orderbook.book.levels} {symbol, side}:
 *       resting orders and price levels (levels counted up to {@link #MAX_COUNTED_LEVELS})</li>
 *   <li>{@code ztrade.orderbook.partitions.owned}, {@code .recovering}; {@code ztrade.orderbook.replayed};
 *       {@code ztrade.orderbook.snapshots}, {@code ztrade.orderbook.snapshot.size}</li>
 * </ul>
 */
public final class OrderbookMetrics {

    /** Price levels counted per side for the depth gauge. */
    public static final int MAX_COUNTED_LEVELS = 4096;

    private final MeterRegistry registry;
    private final Timer ack;
    private final Map<String, Counter> orders = new HashMap<>();
    private final Map<String, Counter> fills = new HashMap<>();
    private final Map<String, Counter> updates = new HashMap<>();
    private final Map<String, AtomicLong> restingOrders = new HashMap<>();
    private final Map<String, AtomicLong> bidLevels = new HashMap<>();
    private final Map<String, AtomicLong> askLevels = new HashMap<>();
    private final Map<String, Counter> rejects = new ConcurrentHashMap<>();
    private final Map<String, Counter> commands = new ConcurrentHashMap<>();
    private final Counter replayed;
    private final Counter snapshots;
    private final DistributionSummary snapshotSize;
    private final long[] prices = new long[MAX_COUNTED_LEVELS];
    private final long[] quantities = new long[MAX_COUNTED_LEVELS];
    private final int[] counts = new int[MAX_COUNTED_LEVELS];

    public OrderbookMetrics(MeterRegistry registry, Instruments instruments, java.util.function.IntSupplier owned,
            java.util.function.IntSupplier recovering) {
        this.registry = registry;
        this.ack = Timer.builder("ztrade.orderbook.order.ack")
                .description("Order-to-ack latency: command record timestamp to its outcome handed to the producer")
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.99, 0.999)
                .minimumExpectedValue(Duration.ofNanos(50_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        for (String symbol : instruments.symbols()) {
            orders.put(symbol, Counter.builder("ztrade.orderbook.orders").description("New orders accepted")
                    .tag("symbol", symbol).register(registry));
            fills.put(symbol, Counter.builder("ztrade.orderbook.fills").description("Trades")
                    .tag("symbol", symbol).register(registry));
            updates.put(symbol, Counter.builder("ztrade.orderbook.updates")
                    .description("Book updates: orders accepted, filled, cancelled or amended")
                    .tag("symbol", symbol).register(registry));
            restingOrders.put(symbol, gauge("ztrade.orderbook.book.orders", "Resting orders", symbol, null));
            bidLevels.put(symbol, gauge("ztrade.orderbook.book.levels", "Price levels", symbol, "BUY"));
            askLevels.put(symbol, gauge("ztrade.orderbook.book.levels", "Price levels", symbol, "SELL"));
        }
        Gauge.builder("ztrade.orderbook.partitions.owned", owned::getAsInt)
                .description("Partitions of the orders topic this replica owns").register(registry);
        Gauge.builder("ztrade.orderbook.partitions.recovering", recovering::getAsInt)
                .description("Owned partitions still replaying after their snapshot").register(registry);
        this.replayed = Counter.builder("ztrade.orderbook.replayed")
                .description("Records applied again during recovery (their events were published before)")
                .register(registry);
        this.snapshots = Counter.builder("ztrade.orderbook.snapshots").description("Snapshots stored").register(registry);
        this.snapshotSize = DistributionSummary.builder("ztrade.orderbook.snapshot.size").baseUnit("bytes")
                .description("Size of stored partition snapshots").register(registry);
    }

    private AtomicLong gauge(String name, String description, String symbol, String side) {
        AtomicLong value = new AtomicLong();
        Gauge.Builder<AtomicLong> b = Gauge.builder(name, value, AtomicLong::doubleValue).description(description)
                .tag("symbol", symbol);
        if (side != null) {
            b.tag("side", side);
        }
        b.register(registry);
        return value;
    }

    /** Counts one applied command. */
    void applied(Incoming in, Outcome outcome, boolean replay, long nowMillis) {
        if (replay) {
            replayed.increment();
            return;
        }
        String command = in.request() == null || in.invalid() != null ? "INVALID" : in.request().command();
        boolean rejected = outcome.result().rejected();
        commands.computeIfAbsent(command + (rejected ? "/rejected" : "/accepted"), k -> Counter
                .builder("ztrade.orderbook.commands").description("Commands applied")
                .tag("command", command).tag("outcome", rejected ? "rejected" : "accepted").register(registry))
                .increment();
        for (Execution e : outcome.executions()) {
            Counter update = e.symbol() == null ? null : updates.get(e.symbol());
            switch (e.type()) {
                case EventTypes.ORDER_REJECTED -> {
                    String reason = ((OrderRejected) e.data()).code();
                    rejects.computeIfAbsent(reason, r -> Counter.builder("ztrade.orderbook.rejects")
                            .description("Rejected commands by reason").tag("reason", r).register(registry)).increment();
                }
                case EventTypes.ORDER_FILLED -> {
                    OrderFilled fill = (OrderFilled) e.data();
                    if (update != null && fill.orderId().equals(fill.takerOrderId())) {
                        // one trade publishes two fills (taker's first): count the trade once
                        update.increment();
                        fills.get(e.symbol()).increment();
                    }
                }
                case EventTypes.ORDER_ACCEPTED -> {
                    if (update != null) {
                        update.increment();
                        if (OrderRequest.PLACE.equals(command)) {
                            orders.get(e.symbol()).increment();
                        }
                    }
                }
                default -> {
                    if (update != null) {
                        update.increment();
                    }
                }
            }
        }
        ack.record(Math.max(0, nowMillis - in.timestamp()), TimeUnit.MILLISECONDS);
    }

    /** Refreshes the depth gauges of one book (on the thread that owns it). */
    void depth(SymbolBook book) {
        String symbol = book.spec().symbol();
        AtomicLong resting = restingOrders.get(symbol);
        if (resting == null) {
            return;
        }
        resting.set(book.orderCount());
        bidLevels.get(symbol).set(book.depth(Side.BUY, prices, quantities, counts));
        askLevels.get(symbol).set(book.depth(Side.SELL, prices, quantities, counts));
    }

    /** Clears the depth gauges of a book this replica no longer owns. */
    void forget(String symbol) {
        AtomicLong resting = restingOrders.get(symbol);
        if (resting != null) {
            resting.set(0);
            bidLevels.get(symbol).set(0);
            askLevels.get(symbol).set(0);
        }
    }

    void snapshot(int bytes) {
        snapshots.increment();
        snapshotSize.record(bytes);
    }
}
