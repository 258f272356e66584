package io.ztrade.orderbook.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The simple book: a {@link TreeMap} of price levels per side, each level an {@link ArrayDeque} of
 * orders in arrival order, and a {@link HashMap} from id to order. Written to be obviously correct
 * rather than fast; {@link FastOrderBook} is checked against it command by command.
 */
public final class ReferenceOrderBook implements OrderBook {

    private final InstrumentSpec spec;
    private final BookConfig config;
    private final OrderBookListener listener;
    private final Rules rules;
    private final boolean rejectIncoming;

    private final NavigableMap<Long, ArrayDeque<Order>> bids = new TreeMap<>(Comparator.reverseOrder());
    private final NavigableMap<Long, ArrayDeque<Order>> asks = new TreeMap<>();
    private final Map<Long, Order> orders = new HashMap<>();
    private final ArrayDeque<Long> recentInOrder = new ArrayDeque<>();
    private final Set<Long> recent = new HashSet<>();

    private long sequence;
    private long tradeId;
    /** Set by {@link #match} when it stopped at an order of the taker's own account. */
    private boolean stoppedBySelfTrade;

    /** An empty book. */
    public ReferenceOrderBook(InstrumentSpec spec, BookConfig config, OrderBookListener listener) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.rules = new Rules(spec);
        this.rejectIncoming = config.selfTradePrevention() == SelfTradePrevention.REJECT_INCOMING;
    }

    private static final class Order {
        final long id;
        final long account;
        final Side side;
        final boolean postOnly;
        long price;
        long remaining;
        long filled;

        Order(long id, long account, Side side, long price, long remaining, long filled, boolean postOnly) {
            this.id = id;
            this.account = account;
            this.side = side;
            this.price = price;
            this.remaining = remaining;
            this.filled = filled;
            this.postOnly = postOnly;
        }

        OrderInfo info() {
            return new OrderInfo(id, account, side, price, remaining, filled, postOnly);
        }
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
        if (isDuplicate(orderId)) {
            return reject(CommandType.PLACE, orderId, account, ResultCode.DUPLICATE_ORDER_ID);
        }
        boolean crosses = crosses(side, price);
        if (crosses && postOnly) {
            return reject(CommandType.PLACE, orderId, account, ResultCode.POST_ONLY_WOULD_CROSS);
        }
        if (crosses && rejectIncoming && firstMaker(side).account == account) {
            return reject(CommandType.PLACE, orderId, account, ResultCode.SELF_TRADE_PREVENTED);
        }
        remember(orderId);
        listener.onAccepted(++sequence, orderId, account, side, OrderType.LIMIT, timeInForce, price, quantity, postOnly);
        if (timeInForce == TimeInForce.FOK && !canFill(side, price, account, quantity)) {
            listener.onCancelled(++sequence, orderId, account, side, price, quantity, CancelReason.FILL_OR_KILL);
            return ResultCode.SUCCESS;
        }
        long remaining = crosses ? match(side, price, orderId, account, quantity) : quantity;
        if (remaining > 0) {
            if (crosses && stoppedBySelfTrade) {
                listener.onCancelled(++sequence, orderId, account, side, price, remaining, CancelReason.SELF_TRADE);
            } else if (timeInForce == TimeInForce.GTC) {
                rest(new Order(orderId, account, side, price, remaining, quantity - remaining, postOnly));
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
        if (isDuplicate(orderId)) {
            return reject(CommandType.PLACE, orderId, account, ResultCode.DUPLICATE_ORDER_ID);
        }
        long limit = protectionPrice != NO_PROTECTION ? protectionPrice
                : side == Side.BUY ? Long.MAX_VALUE : Long.MIN_VALUE;
        boolean crosses = crosses(side, limit);
        if (crosses && rejectIncoming && firstMaker(side).account == account) {
            return reject(CommandType.PLACE, orderId, account, ResultCode.SELF_TRADE_PREVENTED);
        }
        remember(orderId);
        listener.onAccepted(++sequence, orderId, account, side, OrderType.MARKET, TimeInForce.IOC,
                protectionPrice, quantity, false);
        long remaining = crosses ? match(side, limit, orderId, account, quantity) : quantity;
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
        Order order = orders.get(orderId);
        if (order == null) {
            return reject(CommandType.CANCEL, orderId, account, ResultCode.UNKNOWN_ORDER);
        }
        if (order.account != account) {
            return reject(CommandType.CANCEL, orderId, account, ResultCode.ACCOUNT_MISMATCH);
        }
        removeResting(order);
        listener.onCancelled(++sequence, orderId, account, order.side, order.price, order.remaining, CancelReason.USER);
        return ResultCode.SUCCESS;
    }

    @Override
    public ResultCode amend(long orderId, long account, long newPrice, long newQuantity) {
        ResultCode check = rules.checkAmend(orderId, account, newPrice, newQuantity);
        if (check != ResultCode.SUCCESS) {
            return reject(CommandType.AMEND, orderId, account, check);
        }
        Order order = orders.get(orderId);
        if (order == null) {
            return reject(CommandType.AMEND, orderId, account, ResultCode.UNKNOWN_ORDER);
        }
        check = rules.checkAmendOf(order.account, order.remaining, account, newQuantity);
        if (check != ResultCode.SUCCESS) {
            return reject(CommandType.AMEND, orderId, account, check);
        }
        long oldPrice = order.price;
        long oldQuantity = order.remaining;
        if (newPrice == oldPrice) {
            boolean keepsPriority = newQuantity <= oldQuantity;
            if (!keepsPriority) {
                ArrayDeque<Order> queue = side(order.side).get(oldPrice);
                queue.remove(order);
                queue.addLast(order);
            }
            order.remaining = newQuantity;
            listener.onAmended(++sequence, orderId, account, order.side, oldPrice, newPrice, oldQuantity, newQuantity,
                    keepsPriority);
            return ResultCode.SUCCESS;
        }
        boolean crosses = crosses(order.side, newPrice);
        if (crosses && order.postOnly) {
            return reject(CommandType.AMEND, orderId, account, ResultCode.POST_ONLY_WOULD_CROSS);
        }
        if (crosses && rejectIncoming && firstMaker(order.side).account == account) {
            return reject(CommandType.AMEND, orderId, account, ResultCode.SELF_TRADE_PREVENTED);
        }
        removeResting(order);
        listener.onAmended(++sequence, orderId, account, order.side, oldPrice, newPrice, oldQuantity, newQuantity, false);
        long remaining = crosses ? match(order.side, newPrice, orderId, account, newQuantity) : newQuantity;
        order.price = newPrice;
        order.filled += newQuantity - remaining;
        order.remaining = remaining;
        if (remaining > 0) {
            if (crosses && stoppedBySelfTrade) {
                listener.onCancelled(++sequence, orderId, account, order.side, newPrice, remaining, CancelReason.SELF_TRADE);
            } else {
                rest(order);
            }
        }
        return ResultCode.SUCCESS;
    }

    // ---------------------------------------------------------------- matching

    private NavigableMap<Long, ArrayDeque<Order>> side(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    /** Whether an order of {@code side} with this limit would trade with the best opposite order. */
    private boolean crosses(Side side, long limit) {
        NavigableMap<Long, ArrayDeque<Order>> opposite = side(side.opposite());
        if (opposite.isEmpty()) {
            return false;
        }
        return priceAcceptable(side, opposite.firstKey(), limit);
    }

    private static boolean priceAcceptable(Side takerSide, long makerPrice, long limit) {
        return takerSide == Side.BUY ? makerPrice <= limit : makerPrice >= limit;
    }

    private Order firstMaker(Side takerSide) {
        return side(takerSide.opposite()).firstEntry().getValue().peekFirst();
    }

    /** Whether enough quantity the taker may trade with rests at acceptable prices. */
    private boolean canFill(Side side, long limit, long account, long quantity) {
        long available = 0;
        for (Map.Entry<Long, ArrayDeque<Order>> level : side(side.opposite()).entrySet()) {
            if (!priceAcceptable(side, level.getKey(), limit)) {
                return false;
            }
            for (Order maker : level.getValue()) {
                if (maker.account == account) {
                    if (rejectIncoming) {
                        return false;
                    }
                    continue;
                }
                available += maker.remaining;
                if (available >= quantity) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Trades the taker against the opposite side; returns its unfilled quantity. */
    private long match(Side side, long limit, long takerId, long takerAccount, long quantity) {
        stoppedBySelfTrade = false;
        NavigableMap<Long, ArrayDeque<Order>> opposite = side(side.opposite());
        long remaining = quantity;
        while (remaining > 0 && crosses(side, limit)) {
            Map.Entry<Long, ArrayDeque<Order>> level = opposite.firstEntry();
            ArrayDeque<Order> queue = level.getValue();
            Order maker = queue.peekFirst();
            if (maker.account == takerAccount) {
                if (rejectIncoming) {
                    stoppedBySelfTrade = true;
                    return remaining;
                }
                queue.pollFirst();
                orders.remove(maker.id);
                listener.onCancelled(++sequence, maker.id, maker.account, maker.side, maker.price, maker.remaining,
                        CancelReason.SELF_TRADE);
            } else {
                long traded = Math.min(maker.remaining, remaining);
                maker.remaining -= traded;
                maker.filled += traded;
                remaining -= traded;
                listener.onTrade(++sequence, ++tradeId, side, maker.price, traded, maker.id, takerId,
                        maker.account, takerAccount, maker.remaining, remaining);
                if (maker.remaining == 0) {
                    queue.pollFirst();
                    orders.remove(maker.id);
                }
            }
            if (queue.isEmpty()) {
                opposite.remove(level.getKey());
            }
        }
        return remaining;
    }

    private void rest(Order order) {
        side(order.side).computeIfAbsent(order.price, p -> new ArrayDeque<>()).addLast(order);
        orders.put(order.id, order);
    }

    private void removeResting(Order order) {
        NavigableMap<Long, ArrayDeque<Order>> book = side(order.side);
        ArrayDeque<Order> queue = book.get(order.price);
        queue.remove(order);
        if (queue.isEmpty()) {
            book.remove(order.price);
        }
        orders.remove(order.id);
    }

    private ResultCode reject(CommandType command, long orderId, long account, ResultCode reason) {
        listener.onRejected(++sequence, command, orderId, account, reason);
        return reason;
    }

    private boolean isDuplicate(long orderId) {
        return orders.containsKey(orderId) || recent.contains(orderId);
    }

    private void remember(long orderId) {
        if (config.duplicateWindow() == 0) {
            return;
        }
        if (recentInOrder.size() == config.duplicateWindow()) {
            recent.remove(recentInOrder.pollFirst());
        }
        recentInOrder.addLast(orderId);
        recent.add(orderId);
    }

    // ---------------------------------------------------------------- queries

    @Override
    public long bestBid() {
        return bids.isEmpty() ? NO_PRICE : bids.firstKey();
    }

    @Override
    public long bestAsk() {
        return asks.isEmpty() ? NO_PRICE : asks.firstKey();
    }

    @Override
    public int depth(Side side, int maxLevels, long[] prices, long[] quantities, int[] orderCounts) {
        int limit = Math.min(maxLevels, Math.min(prices.length, Math.min(quantities.length, orderCounts.length)));
        int n = 0;
        for (Map.Entry<Long, ArrayDeque<Order>> level : side(side).entrySet()) {
            if (n >= limit) {
                break;
            }
            long total = 0;
            for (Order order : level.getValue()) {
                total += order.remaining;
            }
            prices[n] = level.getKey();
            quantities[n] = total;
            orderCounts[n] = level.getValue().size();
            n++;
        }
        return n;
    }

    @Override
    public OrderInfo order(long orderId) {
        Order order = orders.get(orderId);
        return order == null ? null : order.info();
    }

    @Override
    public int orderCount() {
        return orders.size();
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
        List<OrderInfo> resting = new ArrayList<>(orders.size());
        for (ArrayDeque<Order> queue : bids.values()) {
            for (Order order : queue) {
                resting.add(order.info());
            }
        }
        for (ArrayDeque<Order> queue : asks.values()) {
            for (Order order : queue) {
                resting.add(order.info());
            }
        }
        long[] recentIds = recentInOrder.stream().mapToLong(Long::longValue).toArray();
        return new BookSnapshot(spec.symbol(), sequence, tradeId, resting, recentIds);
    }

    @Override
    public ResultCode restore(BookSnapshot snapshot) {
        ResultCode check = rules.checkSnapshot(spec.symbol(), snapshot);
        if (check != ResultCode.SUCCESS) {
            return check;
        }
        bids.clear();
        asks.clear();
        orders.clear();
        recentInOrder.clear();
        recent.clear();
        for (OrderInfo o : snapshot.orders()) {
            rest(new Order(o.orderId(), o.account(), o.side(), o.price(), o.remaining(), o.filled(), o.postOnly()));
        }
        int count = snapshot.recentOrderIdCount();
        for (int i = Math.max(0, count - config.duplicateWindow()); i < count; i++) {
            remember(snapshot.recentOrderId(i));
        }
        sequence = snapshot.sequence();
        tradeId = snapshot.lastTradeId();
        return ResultCode.SUCCESS;
    }
}
