package io.ztrade.orderbook.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The production book, built to allocate nothing per command once warm.
 *
 * <p>Layout:
 * <ul>
 *   <li><b>Price index</b>: every price of the instrument's band maps directly to a slot
 *       {@code price - minPrice}. Slots live in lazily allocated pages of 1,024 {@link Level}
 *       references, so a wide band costs memory only where orders rest. Both sides share the index:
 *       the book is never crossed, so a price holds bids or asks, never both.</li>
 *   <li><b>Occupancy bitmap</b>: one bit per slot plus a summary bit per 64-slot word. The next
 *       best price after a level empties is found with a couple of {@code numberOfTrailingZeros} /
 *       {@code numberOfLeadingZeros} steps instead of a walk over empty prices.</li>
 *   <li><b>Levels</b>: total quantity, order count and an intrusive doubly-linked FIFO of orders
 *       (head = oldest), so appending, cancelling from the middle and reducing are O(1).</li>
 *   <li><b>Order index</b>: an open-addressing {@code long -> Order} map (linear probing,
 *       backward-shift deletion).</li>
 *   <li><b>Pools</b>: orders and levels are recycled through free lists; maps only grow.</li>
 * </ul>
 *
 * <p>Behaviour is defined by {@link OrderBook} and checked against {@link ReferenceOrderBook}.
 */
public final class FastOrderBook implements OrderBook {

    private static final int PAGE_BITS = 10;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int PAGE_MASK = PAGE_SIZE - 1;

    private final InstrumentSpec spec;
    private final BookConfig config;
    private final OrderBookListener listener;
    private final Rules rules;
    private final boolean rejectIncoming;

    /** Price of slot 0. */
    private final long basePrice;
    /** Number of slots (prices in the band). */
    private final int slots;
    private final Level[][] pages;
    private final long[] occupied;
    private final long[] occupiedWords;

    /** Slot of the best bid, or -1. */
    private int bestBid = -1;
    /** Slot of the best ask, or {@link #slots}. */
    private int bestAsk;

    private final OrderIndex index;
    private final RecentIds recent;
    private Order freeOrders;
    private Level freeLevels;

    private long sequence;
    private long tradeId;
    /** Set by {@link #match} when it stopped at an order of the taker's own account. */
    private boolean stoppedBySelfTrade;

    /** An empty book; pre-allocates {@link BookConfig#expectedOrders()} pooled orders. */
    public FastOrderBook(InstrumentSpec spec, BookConfig config, OrderBookListener listener) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.rules = new Rules(spec);
        this.rejectIncoming = config.selfTradePrevention() == SelfTradePrevention.REJECT_INCOMING;
        this.basePrice = spec.minPrice();
        this.slots = spec.bandLevels();
        this.bestAsk = slots;
        this.pages = new Level[(slots + PAGE_SIZE - 1) >>> PAGE_BITS][];
        this.occupied = new long[(slots + 63) >>> 6];
        this.occupiedWords = new long[(occupied.length + 63) >>> 6];
        this.index = new OrderIndex(config.expectedOrders());
        this.recent = new RecentIds(config.duplicateWindow());
        for (int i = 0; i < config.expectedOrders(); i++) {
            Order o = new Order();
            o.next = freeOrders;
            freeOrders = o;
        }
    }

    /** A resting order; a node of its level's FIFO. Recycled. */
    static final class Order {
        long id;
        long account;
        long price;
        long remaining;
        long filled;
        boolean buy;
        boolean postOnly;
        Level level;
        Order prev;
        Order next;
    }

    /** All orders at one price, oldest first. Recycled. */
    static final class Level {
        long price;
        int slot;
        boolean buy;
        long total;
        int count;
        Order head;
        Order tail;
        Level nextFree;
    }

    @Override
    public InstrumentSpec spec() {
        return spec;
    }

    @Override
    public BookConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- commands

    @Override
    public ResultCode placeLimit(long orderId, long account, Side side, long price, long quantity,
            TimeInForce timeInForce, boolean postOnly) {
        ResultCode check = rules.checkLimit(orderId, account, side, price, quantity, timeInForce, postOnly);
        if (check != ResultCode.SUCCESS) {
            return reject(CommandType.PLACE, orderId, account, check);
        }
        if (index.get(orderId) != null || recent.contains(orderId)) {
            return reject(CommandType.PLACE, orderId, account, ResultCode.DUPLICATE_ORDER_ID);
        }
        boolean buy = side == Side.BUY;
        int slot = (int) (price - basePrice);
        boolean crosses = buy ? bestAsk <= slot : bestBid >= slot;
        if (crosses) {
            if (postOnly) {
                return reject(CommandType.PLACE, orderId, account, ResultCode.POST_ONLY_WOULD_CROSS);
            }
            if (rejectIncoming && firstMakerAccount(buy) == account) {
                return reject(CommandType.PLACE, orderId, account, ResultCode.SELF_TRADE_PREVENTED);
            }
        }
        recent.add(orderId);
        listener.onAccepted(++sequence, orderId, account, side, OrderType.LIMIT, timeInForce, price, quantity, postOnly);
        if (timeInForce == TimeInForce.FOK && !(crosses && canFill(buy, slot, account, quantity))) {
            listener.onCancelled(++sequence, orderId, account, side, price, quantity, CancelReason.FILL_OR_KILL);
            return ResultCode.SUCCESS;
        }
        long remaining = crosses ? match(buy, slot, orderId, account, quantity) : quantity;
        if (remaining > 0) {
            if (crosses && stoppedBySelfTrade) {
                listener.onCancelled(++sequence, orderId, account, side, price, remaining, CancelReason.SELF_TRADE);
            } else if (timeInForce == TimeInForce.GTC) {
                Order order = newOrder();
                order.id = orderId;
                order.account = account;
                order.price = price;
                order.remaining = remaining;
                order.filled = quantity - remaining;
                order.buy = buy;
                order.postOnly = postOnly;
                rest(order, slot);
            } else {
                listener.onCancelled(++sequence, orderId, account, side, price, remaining, CancelReason.IOC_REMAINDER);
            }
        }
        return ResultCode.SUCCESS;
    }

    @Override
    public ResultCode placeMarket(long orderId, long account, Side side, long quantity, long protectionPrice) {
        ResultCode check = rules.checkMarket(orderId, account, side, quantity, protectionPrice);
        if (check != ResultCode.SUCCESS) {
            return reject(CommandType.PLACE, orderId, account, check);
        }
        if (index.get(orderId) != null || recent.contains(orderId)) {
            return reject(CommandType.PLACE, orderId, account, ResultCode.DUPLICATE_ORDER_ID);
        }
        boolean buy = side == Side.BUY;
        int limit;
        if (protectionPrice == NO_PROTECTION) {
            limit = buy ? slots - 1 : 0;
        } else {
            long offset = protectionPrice - basePrice;
            // Clamp to [-1, slots]: -1 is below every price, slots above every price.
            limit = offset < 0 ? -1 : offset >= slots ? slots : (int) offset;
            if (!buy && limit < 0) {
                limit = 0;
            } else if (buy && limit >= slots) {
                limit = slots - 1;
            }
        }
        boolean crosses = buy ? bestAsk <= limit : bestBid >= limit;
        if (crosses && rejectIncoming && firstMakerAccount(buy) == account) {
            return reject(CommandType.PLACE, orderId, account, ResultCode.SELF_TRADE_PREVENTED);
        }
        recent.add(orderId);
        listener.onAccepted(++sequence, orderId, account, side, OrderType.MARKET, TimeInForce.IOC,
                protectionPrice, quantity, false);
        long remaining = crosses ? match(buy, limit, orderId, account, quantity) : quantity;
        if (remaining > 0) {
            CancelReason reason = crosses && stoppedBySelfTrade ? CancelReason.SELF_TRADE : CancelReason.MARKET_REMAINDER;
            listener.onCancelled(++sequence, orderId, account, side, protectionPrice, remaining, reason);
        }
        return ResultCode.SUCCESS;
    }

    @Override
    public ResultCode cancel(long orderId, long account) {
        ResultCode check = rules.checkCancel(orderId, account);
        if (check != ResultCode.SUCCESS) {
            return reject(CommandType.CANCEL, orderId, account, check);
        }
        Order order = index.get(orderId);
        if (order == null) {
            return reject(CommandType.CANCEL, orderId, account, ResultCode.UNKNOWN_ORDER);
        }
        if (order.account != account) {
            return reject(CommandType.CANCEL, orderId, account, ResultCode.ACCOUNT_MISMATCH);
        }
        unlink(order);
        index.remove(orderId);
        listener.onCancelled(++sequence, orderId, account, order.buy ? Side.BUY : Side.SELL, order.price,
                order.remaining, CancelReason.USER);
        release(order);
        return ResultCode.SUCCESS;
    }

    @Override
    public ResultCode amend(long orderId, long account, long newPrice, long newQuantity) {
        ResultCode check = rules.checkAmend(orderId, account, newPrice, newQuantity);
        if (check != ResultCode.SUCCESS) {
            return reject(CommandType.AMEND, orderId, account, check);
        }
        Order order = index.get(orderId);
        if (order == null) {
            return reject(CommandType.AMEND, orderId, account, ResultCode.UNKNOWN_ORDER);
        }
        check = rules.checkAmendOf(order.account, order.remaining, account, newQuantity);
        if (check != ResultCode.SUCCESS) {
            return reject(CommandType.AMEND, orderId, account, check);
        }
        boolean buy = order.buy;
        Side side = buy ? Side.BUY : Side.SELL;
        long oldPrice = order.price;
        long oldQuantity = order.remaining;
        if (newPrice == oldPrice) {
            Level level = order.level;
            level.total += newQuantity - oldQuantity;
            order.remaining = newQuantity;
            boolean keepsPriority = newQuantity <= oldQuantity;
            if (!keepsPriority && order != level.tail) {
                removeFromQueue(order, level);
                append(order, level);
            }
            listener.onAmended(++sequence, orderId, account, side, oldPrice, newPrice, oldQuantity, newQuantity,
                    keepsPriority);
            return ResultCode.SUCCESS;
        }
        int slot = (int) (newPrice - basePrice);
        boolean crosses = buy ? bestAsk <= slot : bestBid >= slot;
        if (crosses) {
            if (order.postOnly) {
                return reject(CommandType.AMEND, orderId, account, ResultCode.POST_ONLY_WOULD_CROSS);
            }
            if (rejectIncoming && firstMakerAccount(buy) == account) {
                return reject(CommandType.AMEND, orderId, account, ResultCode.SELF_TRADE_PREVENTED);
            }
        }
        unlink(order);
        listener.onAmended(++sequence, orderId, account, side, oldPrice, newPrice, oldQuantity, newQuantity, false);
        order.price = newPrice;
        if (!crosses) {
            order.remaining = newQuantity;
            restUnindexed(order, slot);
            return ResultCode.SUCCESS;
        }
        index.remove(orderId);
        long remaining = match(buy, slot, orderId, account, newQuantity);
        order.filled += newQuantity - remaining;
        order.remaining = remaining;
        if (remaining == 0) {
            release(order);
        } else if (stoppedBySelfTrade) {
            listener.onCancelled(++sequence, orderId, account, side, newPrice, remaining, CancelReason.SELF_TRADE);
            release(order);
        } else {
            rest(order, slot);
        }
        return ResultCode.SUCCESS;
    }

    // ---------------------------------------------------------------- matching

    private long firstMakerAccount(boolean takerBuys) {
        return level(takerBuys ? bestAsk : bestBid).head.account;
    }

    /** Whether enough quantity the taker may trade with rests at slots up to {@code limit}. */
    private boolean canFill(boolean buy, int limit, long account, long quantity) {
        long needed = quantity;
        int slot = buy ? bestAsk : bestBid;
        while (buy ? slot <= limit : slot >= limit) {
            for (Order maker = level(slot).head; maker != null; maker = maker.next) {
                if (maker.account == account) {
                    if (rejectIncoming) {
                        return false;
                    }
                    continue;
                }
                needed -= maker.remaining;
                if (needed <= 0) {
                    return true;
                }
            }
            slot = buy ? nextOccupied(slot + 1) : previousOccupied(slot - 1);
        }
        return false;
    }

    /** Trades the taker against the opposite side up to slot {@code limit}; returns its unfilled quantity. */
    private long match(boolean buy, int limit, long takerId, long takerAccount, long quantity) {
        stoppedBySelfTrade = false;
        Side takerSide = buy ? Side.BUY : Side.SELL;
        long remaining = quantity;
        while (remaining > 0) {
            int best = buy ? bestAsk : bestBid;
            if (buy ? best > limit : best < limit) {
                break;
            }
            Level level = level(best);
            Order maker = level.head;
            do {
                Order next = maker.next;
                if (maker.account == takerAccount) {
                    if (rejectIncoming) {
                        stoppedBySelfTrade = true;
                        return remaining;
                    }
                    removeFromQueue(maker, level);
                    level.total -= maker.remaining;
                    index.remove(maker.id);
                    listener.onCancelled(++sequence, maker.id, maker.account, buy ? Side.SELL : Side.BUY,
                            maker.price, maker.remaining, CancelReason.SELF_TRADE);
                    release(maker);
                } else {
                    long traded = Math.min(maker.remaining, remaining);
                    maker.remaining -= traded;
                    maker.filled += traded;
                    level.total -= traded;
                    remaining -= traded;
                    listener.onTrade(++sequence, ++tradeId, takerSide, level.price, traded, maker.id, takerId,
                            maker.account, takerAccount, maker.remaining, remaining);
                    if (maker.remaining == 0) {
                        removeFromQueue(maker, level);
                        index.remove(maker.id);
                        release(maker);
                    }
                }
                maker = next;
            } while (maker != null && remaining > 0);
            if (level.count == 0) {
                removeLevel(level);
            }
        }
        return remaining;
    }

    // ---------------------------------------------------------------- levels and orders

    private Level level(int slot) {
        return pages[slot >>> PAGE_BITS][slot & PAGE_MASK];
    }

    private void rest(Order order, int slot) {
        index.add(order);
        restUnindexed(order, slot);
    }

    /** Appends an order to the level at {@code slot}, creating the level when the price is empty. */
    private void restUnindexed(Order order, int slot) {
        Level[] page = pages[slot >>> PAGE_BITS];
        if (page == null) {
            page = new Level[PAGE_SIZE];
            pages[slot >>> PAGE_BITS] = page;
        }
        Level level = page[slot & PAGE_MASK];
        if (level == null) {
            level = newLevel();
            level.price = order.price;
            level.slot = slot;
            level.buy = order.buy;
            page[slot & PAGE_MASK] = level;
            markOccupied(slot);
            if (order.buy) {
                if (slot > bestBid) {
                    bestBid = slot;
                }
            } else if (slot < bestAsk) {
                bestAsk = slot;
            }
        }
        append(order, level);
        level.total += order.remaining;
    }

    private static void append(Order order, Level level) {
        order.level = level;
        order.next = null;
        order.prev = level.tail;
        if (level.tail == null) {
            level.head = order;
        } else {
            level.tail.next = order;
        }
        level.tail = order;
        level.count++;
    }

    /** Unlinks from the FIFO and fixes the count; the caller fixes the level total. */
    private static void removeFromQueue(Order order, Level level) {
        Order prev = order.prev;
        Order next = order.next;
        if (prev == null) {
            level.head = next;
        } else {
            prev.next = next;
        }
        if (next == null) {
            level.tail = prev;
        } else {
            next.prev = prev;
        }
        order.prev = null;
        order.next = null;
        level.count--;
    }

    /** Takes a resting order off its level (dropping the level when it empties); stays in the index. */
    private void unlink(Order order) {
        Level level = order.level;
        removeFromQueue(order, level);
        level.total -= order.remaining;
        order.level = null;
        if (level.count == 0) {
            removeLevel(level);
        }
    }

    private void removeLevel(Level level) {
        int slot = level.slot;
        pages[slot >>> PAGE_BITS][slot & PAGE_MASK] = null;
        clearOccupied(slot);
        if (level.buy) {
            if (slot == bestBid) {
                bestBid = previousOccupied(slot - 1);
            }
        } else if (slot == bestAsk) {
            bestAsk = nextOccupied(slot + 1);
        }
        level.head = null;
        level.tail = null;
        level.total = 0;
        level.nextFree = freeLevels;
        freeLevels = level;
    }

    private Level newLevel() {
        Level level = freeLevels;
        if (level == null) {
            return new Level();
        }
        freeLevels = level.nextFree;
        level.nextFree = null;
        return level;
    }

    private Order newOrder() {
        Order order = freeOrders;
        if (order == null) {
            return new Order();
        }
        freeOrders = order.next;
        order.next = null;
        return order;
    }

    private void release(Order order) {
        order.level = null;
        order.prev = null;
        order.next = freeOrders;
        freeOrders = order;
    }

    // ---------------------------------------------------------------- occupancy bitmap

    private void markOccupied(int slot) {
        int word = slot >>> 6;
        occupied[word] |= 1L << slot;
        occupiedWords[word >>> 6] |= 1L << word;
    }

    private void clearOccupied(int slot) {
        int word = slot >>> 6;
        long bits = occupied[word] & ~(1L << slot);
        occupied[word] = bits;
        if (bits == 0) {
            occupiedWords[word >>> 6] &= ~(1L << word);
        }
    }

    /** Lowest occupied slot at or above {@code from}, or {@link #slots}. */
    private int nextOccupied(int from) {
        if (from >= slots) {
            return slots;
        }
        int word = from >>> 6;
        long bits = occupied[word] & (-1L << from);
        if (bits != 0) {
            return (word << 6) + Long.numberOfTrailingZeros(bits);
        }
        int nextWord = word + 1;
        if (nextWord >= occupied.length) {
            return slots;
        }
        int summary = nextWord >>> 6;
        long words = occupiedWords[summary] & (-1L << nextWord);
        while (words == 0) {
            if (++summary >= occupiedWords.length) {
                return slots;
            }
            words = occupiedWords[summary];
        }
        word = (summary << 6) + Long.numberOfTrailingZeros(words);
        return (word << 6) + Long.numberOfTrailingZeros(occupied[word]);
    }

    /** Highest occupied slot at or below {@code from}, or -1. */
    private int previousOccupied(int from) {
        if (from < 0) {
            return -1;
        }
        int word = from >>> 6;
        long bits = occupied[word] & (-1L >>> (63 - (from & 63)));
        if (bits != 0) {
            return (word << 6) + 63 - Long.numberOfLeadingZeros(bits);
        }
        int previousWord = word - 1;
        if (previousWord < 0) {
            return -1;
        }
        int summary = previousWord >>> 6;
        long words = occupiedWords[summary] & (-1L >>> (63 - (previousWord & 63)));
        while (words == 0) {
            if (--summary < 0) {
                return -1;
            }
            words = occupiedWords[summary];
        }
        word = (summary << 6) + 63 - Long.numberOfLeadingZeros(words);
        return (word << 6) + 63 - Long.numberOfLeadingZeros(occupied[word]);
    }

    private ResultCode reject(CommandType command, long orderId, long account, ResultCode reason) {
        listener.onRejected(++sequence, command, orderId, account, reason);
        return reason;
    }

    // ---------------------------------------------------------------- queries

    @Override
    public long bestBid() {
        return bestBid < 0 ? NO_PRICE : basePrice + bestBid;
    }

    @Override
    public long bestAsk() {
        return bestAsk >= slots ? NO_PRICE : basePrice + bestAsk;
    }

    @Override
    public int depth(Side side, int maxLevels, long[] prices, long[] quantities, int[] orderCounts) {
        int limit = Math.min(maxLevels, Math.min(prices.length, Math.min(quantities.length, orderCounts.length)));
        boolean buy = side == Side.BUY;
        int slot = buy ? bestBid : bestAsk;
        int n = 0;
        while (n < limit && slot >= 0 && slot < slots) {
            Level level = level(slot);
            prices[n] = level.price;
            quantities[n] = level.total;
            orderCounts[n] = level.count;
            n++;
            slot = buy ? previousOccupied(slot - 1) : nextOccupied(slot + 1);
        }
        return n;
    }

    @Override
    public OrderInfo order(long orderId) {
        Order order = orderId == 0 ? null : index.get(orderId);
        return order == null ? null : info(order);
    }

    private static OrderInfo info(Order order) {
        return new OrderInfo(order.id, order.account, order.buy ? Side.BUY : Side.SELL, order.price,
                order.remaining, order.filled, order.postOnly);
    }

    @Override
    public int orderCount() {
        return index.size();
    }

    @Override
    public long sequence() {
        return sequence;
    }

    @Override
    public long lastTradeId() {
        return tradeId;
    }

    // ---------------------------------------------------------------- snapshots

    @Override
    public BookSnapshot snapshot() {
        List<OrderInfo> resting = new ArrayList<>(index.size());
        for (int slot = bestBid; slot >= 0; slot = previousOccupied(slot - 1)) {
            for (Order o = level(slot).head; o != null; o = o.next) {
                resting.add(info(o));
            }
        }
        for (int slot = bestAsk; slot < slots; slot = nextOccupied(slot + 1)) {
            for (Order o = level(slot).head; o != null; o = o.next) {
                resting.add(info(o));
            }
        }
        long[] recentIds = new long[recent.size()];
        for (int i = 0; i < recentIds.length; i++) {
            recentIds[i] = recent.get(i);
        }
        return new BookSnapshot(spec.symbol(), sequence, tradeId, resting, recentIds);
    }

    @Override
    public ResultCode restore(BookSnapshot snapshot) {
        ResultCode check = rules.checkSnapshot(spec.symbol(), snapshot);
        if (check != ResultCode.SUCCESS) {
            return check;
        }
        clear();
        for (OrderInfo o : snapshot.orders()) {
            Order order = newOrder();
            order.id = o.orderId();
            order.account = o.account();
            order.price = o.price();
            order.remaining = o.remaining();
            order.filled = o.filled();
            order.buy = o.side() == Side.BUY;
            order.postOnly = o.postOnly();
            rest(order, (int) (o.price() - basePrice));
        }
        int count = snapshot.recentOrderIdCount();
        for (int i = Math.max(0, count - config.duplicateWindow()); i < count; i++) {
            recent.add(snapshot.recentOrderId(i));
        }
        sequence = snapshot.sequence();
        tradeId = snapshot.lastTradeId();
        return ResultCode.SUCCESS;
    }

    /** Returns every order and level to the pools and empties the indexes. */
    private void clear() {
        for (int slot = nextOccupied(0); slot < slots; slot = nextOccupied(slot + 1)) {
            Level level = level(slot);
            Order o = level.head;
            while (o != null) {
                Order next = o.next;
                release(o);
                o = next;
            }
            level.count = 0;
            removeLevel(level);
        }
        Arrays.fill(occupied, 0);
        Arrays.fill(occupiedWords, 0);
        bestBid = -1;
        bestAsk = slots;
        index.clear();
        recent.clear();
    }
}
