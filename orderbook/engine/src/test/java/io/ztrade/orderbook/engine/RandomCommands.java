package io.ztrade.orderbook.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded stream of commands of every kind: GTC/IOC/FOK limits (some post-only), market orders with
 * and without protection, cancels and amends of live orders, and a share of invalid commands
 * (wrong account, unknown or reused ids, off-band prices, bad quantities). Few accounts, so
 * self-trade prevention triggers often. The stream follows the book it {@link #observe}s, so the
 * same seed against the same state gives the same commands.
 */
final class RandomCommands {

    private final SplittableRandom random;
    private final int accounts;
    private final long minPrice;
    private final long maxPrice;
    private final long maxQty;
    private final int targetLive;
    private long mid;
    private long nextId;

    private final List<Long> live = new ArrayList<>();
    private final Map<Long, Integer> livePosition = new HashMap<>();
    private final Map<Long, OrderInfo> liveOrders = new HashMap<>();
    private final long[] recentIds = new long[512];
    private int recentCount;

    RandomCommands(long seed, InstrumentSpec spec, int accounts, int targetLive) {
        this.random = new SplittableRandom(seed);
        this.accounts = accounts;
        this.minPrice = spec.minPrice();
        this.maxPrice = spec.maxPrice();
        this.maxQty = spec.maxQty();
        this.targetLive = targetLive;
        this.mid = spec.referencePrice();
        this.nextId = 1 + (seed & 0xFFFF) * 10_000_000L;
    }

    /** Updates the view of live orders after a command, from its events and the book. */
    void observe(List<OrderBookEvent> events, OrderBook book) {
        for (OrderBookEvent e : events) {
            switch (e) {
                case OrderBookEvent.Accepted a -> refresh(a.orderId(), book);
                case OrderBookEvent.Trade t -> {
                    refresh(t.makerOrderId(), book);
                    refresh(t.takerOrderId(), book);
                }
                case OrderBookEvent.Cancelled c -> refresh(c.orderId(), book);
                case OrderBookEvent.Amended m -> refresh(m.orderId(), book);
                case OrderBookEvent.Rejected r -> {
                }
            }
        }
    }

    /** Forgets every live order and learns the book's. */
    void resync(OrderBook book) {
        live.clear();
        livePosition.clear();
        liveOrders.clear();
        for (OrderInfo o : book.snapshot().orders()) {
            refresh(o.orderId(), book);
        }
    }

    private void refresh(long id, OrderBook book) {
        OrderInfo info = book.order(id);
        if (info == null) {
            Integer at = livePosition.remove(id);
            if (at != null) {
                long last = live.remove(live.size() - 1);
                if (last != id) {
                    live.set(at, last);
                    livePosition.put(last, at);
                }
                liveOrders.remove(id);
            }
        } else {
            if (!livePosition.containsKey(id)) {
                livePosition.put(id, live.size());
                live.add(id);
            }
            liveOrders.put(id, info);
        }
    }

    int liveCount() {
        return live.size();
    }

    OrderCommand next() {
        mid = Math.clamp(mid + random.nextInt(3) - 1, minPrice + 60, maxPrice - 60);
        double r = random.nextDouble();
        if (live.size() > targetLive && r < 0.42) {
            r = 0.42 + random.nextDouble() * 0.16; // shed orders: cancel instead of adding
        }
        if (r >= 0.42 && r < 0.58 && random.nextInt(targetLive) >= live.size()) {
            r = random.nextDouble() * 0.28; // grow a thin book: add instead of cancel
        }
        if (r < 0.28) {
            Side side = side();
            return new OrderCommand.PlaceLimit(newId(), account(), side, limitPrice(side), quantity(), TimeInForce.GTC,
                    random.nextInt(20) == 0);
        }
        if (r < 0.34) {
            Side side = side();
            return new OrderCommand.PlaceLimit(newId(), account(), side, limitPrice(side), quantity(), TimeInForce.IOC, false);
        }
        if (r < 0.38) {
            Side side = side();
            return new OrderCommand.PlaceLimit(newId(), account(), side, limitPrice(side), quantity(), TimeInForce.FOK, false);
        }
        if (r < 0.42) {
            Side side = side();
            long protection = random.nextBoolean() ? OrderBook.NO_PROTECTION
                    : side == Side.BUY ? mid + random.nextInt(10) : mid - random.nextInt(10);
            return new OrderCommand.PlaceMarket(newId(), account(), side, quantity(), protection);
        }
        if (r < 0.58) {
            if (live.isEmpty() || random.nextInt(20) == 0) {
                return new OrderCommand.Cancel(unknownOrRecentId(), account());
            }
            OrderInfo o = anyLive();
            return new OrderCommand.Cancel(o.orderId(), random.nextInt(30) == 0 ? otherAccount(o.account()) : o.account());
        }
        if (r < 0.95) {
            if (live.isEmpty()) {
                return new OrderCommand.Amend(unknownOrRecentId(), account(), mid, 1);
            }
            OrderInfo o = anyLive();
            long account = random.nextInt(50) == 0 ? otherAccount(o.account()) : o.account();
            int kind = random.nextInt(10);
            long price = o.price();
            long qty = o.remaining();
            if (kind < 4) {
                price = limitPrice(o.side());
            } else if (kind < 7) {
                qty = 1 + random.nextLong(qty);
            } else if (kind < 9) {
                qty = qty + 1 + random.nextInt(10);
            } else {
                price = limitPrice(o.side());
                qty = quantity();
            }
            return new OrderCommand.Amend(o.orderId(), account, price, qty);
        }
        return invalid();
    }

    private OrderCommand invalid() {
        Side side = side();
        return switch (random.nextInt(7)) {
            case 0 -> new OrderCommand.PlaceLimit(live.isEmpty() ? newId() : anyLive().orderId(), account(), side,
                    limitPrice(side), quantity(), TimeInForce.GTC, false);
            case 1 -> new OrderCommand.PlaceLimit(unknownOrRecentId(), account(), side, limitPrice(side), quantity(),
                    TimeInForce.GTC, false);
            case 2 -> new OrderCommand.PlaceLimit(newId(), account(), side,
                    random.nextBoolean() ? minPrice - 1 - random.nextInt(5) : maxPrice + 1 + random.nextInt(5),
                    quantity(), TimeInForce.GTC, false);
            case 3 -> new OrderCommand.PlaceLimit(newId(), account(), side, limitPrice(side),
                    random.nextBoolean() ? 0 : maxQty + 1, TimeInForce.IOC, false);
            case 4 -> new OrderCommand.PlaceLimit(newId(), account(), side, limitPrice(side), quantity(), TimeInForce.IOC, true);
            case 5 -> new OrderCommand.PlaceMarket(newId(), random.nextBoolean() ? 0 : account(), side, quantity(), -1);
            default -> live.isEmpty() ? new OrderCommand.Cancel(-1, account())
                    : new OrderCommand.Amend(anyLive().orderId(), anyLive().account(), mid, maxQty + 1);
        };
    }

    private long newId() {
        long id = nextId++;
        recentIds[recentCount++ & (recentIds.length - 1)] = id;
        return id;
    }

    private long unknownOrRecentId() {
        if (recentCount == 0 || random.nextInt(3) == 0) {
            return nextId + 1_000_000 + random.nextInt(1000);
        }
        int n = Math.min(recentCount, recentIds.length);
        return recentIds[random.nextInt(n)];
    }

    private OrderInfo anyLive() {
        return liveOrders.get(live.get(random.nextInt(live.size())));
    }

    private Side side() {
        return random.nextBoolean() ? Side.BUY : Side.SELL;
    }

    private long account() {
        return 1 + random.nextInt(accounts);
    }

    private long otherAccount(long account) {
        return account % accounts + 1;
    }

    /** Mostly passive prices around the mid, about one in six crossing it. */
    private long limitPrice(Side side) {
        long offset = (long) Math.abs(random.nextGaussian() * 15) - 2;
        long price = side == Side.BUY ? mid - offset : mid + offset;
        return Math.clamp(price, minPrice, maxPrice);
    }

    private long quantity() {
        return random.nextInt(10) == 0 ? 20 + random.nextInt(100) : 1 + random.nextInt(15);
    }
}
