package io.ztrade.orderbook.service.core;

import io.ztrade.events.EventTypes;
import io.ztrade.events.payload.OrderAccepted;
import io.ztrade.events.payload.OrderCancelled;
import io.ztrade.events.payload.OrderFilled;
import io.ztrade.events.payload.OrderRejected;
import io.ztrade.orderbook.engine.BookSnapshot;
import io.ztrade.orderbook.engine.CancelReason;
import io.ztrade.orderbook.engine.CommandType;
import io.ztrade.orderbook.engine.EventCollector;
import io.ztrade.orderbook.engine.InstrumentSpec;
import io.ztrade.orderbook.engine.L2Depth;
import io.ztrade.orderbook.engine.OrderBook;
import io.ztrade.orderbook.engine.OrderBookEvent;
import io.ztrade.orderbook.engine.OrderInfo;
import io.ztrade.orderbook.engine.OrderType;
import io.ztrade.orderbook.engine.ResultCode;
import io.ztrade.orderbook.engine.Side;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The book of one symbol as the service runs it: the engine's {@link OrderBook} plus what the engine
 * does not know: account names, clientOrderIds (and their duplicate window), and the translation of
 * engine events into catalog payloads. Owned by one thread; everything it does is a deterministic
 * function of its state and the command, which is what makes snapshot + replay exact.
 */
public final class SymbolBook {

    /** clientOrderId and account of a live order (the engine knows neither). */
    private record Tag(String clientOrderId, String accountId) {
    }

    /** A remembered clientOrderId key and the order it named (stable while the key is remembered). */
    private record ClientKey(String key, long orderId) {
    }

    private final InstrumentSpec spec;
    private final BookSettings settings;
    private final EventCollector collector = new EventCollector();
    private final OrderBook book;

    private final Map<String, Long> accountNumbers = new HashMap<>();
    private final List<String> accountNames = new ArrayList<>();
    private final Map<Long, Tag> live = new HashMap<>();
    private final Map<String, Long> clientKeys = new HashMap<>();
    private final ArrayDeque<ClientKey> clientKeyOrder = new ArrayDeque<>();

    SymbolBook(InstrumentSpec spec, BookSettings settings) {
        this.spec = spec;
        this.settings = settings;
        this.book = OrderBook.create(spec, settings.engineConfig(), collector);
    }

    /** The instrument. */
    public InstrumentSpec spec() {
        return spec;
    }

    /** Sequence number of the book's last event. */
    public long sequence() {
        return book.sequence();
    }

    /** Up to {@code levels} aggregated levels per side, best first. */
    public L2Depth depth(int levels) {
        return book.depth(levels);
    }

    /** Number of resting orders. */
    public int orderCount() {
        return book.orderCount();
    }

    /** Copies one side's levels into the arrays (no allocation); returns how many. */
    public int depth(Side side, long[] prices, long[] quantities, int[] orders) {
        return book.depth(side, prices.length, prices, quantities, orders);
    }

    /** The resting order, or null. */
    public OrderInfo order(long orderId) {
        return book.order(orderId);
    }

    /** The clientOrderId of a resting order, or null. */
    public String clientOrderIdOf(long orderId) {
        Tag tag = live.get(orderId);
        return tag == null ? null : tag.clientOrderId();
    }

    // ---------------------------------------------------------------------------------------------
    // Commands

    Outcome apply(Command command, long newOrderId, EventIds ids) {
        return switch (command) {
            case Command.Place p -> place(p, newOrderId, ids);
            case Command.Cancel c -> cancel(c, ids);
            case Command.Amend a -> amend(a, ids);
        };
    }

    private Outcome place(Command.Place p, long orderId, EventIds ids) {
        String key = clientKey(p.accountId(), p.clientOrderId());
        Long used = clientKeys.get(key);
        if (used != null) {
            Reject r = new Reject(Reject.DUPLICATE_CLIENT_ORDER_ID, "clientOrderId", "'" + p.clientOrderId()
                    + "' was already used by account '" + p.accountId() + "' (order " + used + ")");
            return reject(r, null, p.clientOrderId(), p.accountId(), ids);
        }
        long account = accountNumber(p.accountId());
        live.put(orderId, new Tag(p.clientOrderId(), p.accountId()));
        collector.clear();
        ResultCode rc = p.type() == OrderType.LIMIT
                ? book.placeLimit(orderId, account, p.side(), p.price(), p.quantity(), p.timeInForce(), p.postOnly())
                : book.placeMarket(orderId, account, p.side(), p.quantity(), p.price());
        List<OrderBookEvent> events = collector.drain();
        if (!rc.isSuccess()) {
            live.remove(orderId);
            Reject r = describe(rc, orderId, p.side());
            return new Outcome(List.of(rejected(ids, null, p.clientOrderId(), p.accountId(), r, book.sequence())),
                    OrderResult.rejected(null, p.clientOrderId(), zero(), zero(), r));
        }
        remember(key, orderId);
        List<Execution> out = translate(events, ids);
        return new Outcome(out, resultAfter(orderId, p.clientOrderId(), 0, events));
    }

    private Outcome cancel(Command.Cancel c, EventIds ids) {
        Target t = resolve(c.orderId(), c.clientOrderId(), c.accountId(), ids);
        if (t.refused != null) {
            return t.refused;
        }
        collector.clear();
        ResultCode rc = book.cancel(t.orderId, t.order.account());
        List<OrderBookEvent> events = collector.drain();
        if (!rc.isSuccess()) {
            Reject r = describe(rc, t.orderId, t.order.side());
            return new Outcome(List.of(rejected(ids, id(t.orderId), t.tag.clientOrderId(), t.tag.accountId(), r,
                    book.sequence())), OrderResult.rejected(id(t.orderId), t.tag.clientOrderId(),
                    lots(t.order.filled()), lots(t.order.remaining()), r));
        }
        List<Execution> out = translate(events, ids);
        return new Outcome(out, new OrderResult(id(t.orderId), t.tag.clientOrderId(), OrderResult.CANCELLED,
                lots(t.order.filled()), zero(), List.of(), null));
    }

    private Outcome amend(Command.Amend a, EventIds ids) {
        Target t = resolve(a.orderId(), a.clientOrderId(), a.accountId(), ids);
        if (t.refused != null) {
            return t.refused;
        }
        long price = a.price() > 0 ? a.price() : t.order.price();
        long quantity = a.quantity() > 0 ? a.quantity() : t.order.remaining();
        collector.clear();
        ResultCode rc = book.amend(t.orderId, t.order.account(), price, quantity);
        List<OrderBookEvent> events = collector.drain();
        if (!rc.isSuccess()) {
            Reject r = describe(rc, t.orderId, t.order.side());
            return new Outcome(List.of(rejected(ids, id(t.orderId), t.tag.clientOrderId(), t.tag.accountId(), r,
                    book.sequence())), OrderResult.rejected(id(t.orderId), t.tag.clientOrderId(),
                    lots(t.order.filled()), lots(t.order.remaining()), r));
        }
        List<Execution> out = translate(events, ids);
        return new Outcome(out, resultAfter(t.orderId, t.tag.clientOrderId(), t.order.filled(), events));
    }

    /** A refusal decided before the engine is asked: the book is untouched, its sequence too. */
    Outcome reject(Reject r, String orderId, String clientOrderId, String accountId, EventIds ids) {
        return new Outcome(List.of(rejected(ids, orderId, clientOrderId, accountId, r, book.sequence())),
                OrderResult.rejected(orderId, clientOrderId, zero(), zero(), r));
    }

    /** The order a cancel or amend is about, or the outcome that refuses it. */
    private static final class Target {
        long orderId;
        OrderInfo order;
        Tag tag;
        Outcome refused;
    }

    private Target resolve(long orderId, String clientOrderId, String accountId, EventIds ids) {
        Target t = new Target();
        if (orderId <= 0) {
            Long found = clientKeys.get(clientKey(accountId, clientOrderId));
            if (found == null || book.order(found) == null) {
                t.refused = reject(Reject.of(ResultCode.UNKNOWN_ORDER, "clientOrderId", "account '" + accountId
                        + "' has no resting order '" + clientOrderId + "' in " + spec.symbol()), null, clientOrderId,
                        accountId, ids);
                return t;
            }
            orderId = found;
        }
        OrderInfo order = book.order(orderId);
        if (order == null) {
            t.refused = reject(Reject.of(ResultCode.UNKNOWN_ORDER, "orderId", "no resting order " + orderId + " in "
                    + spec.symbol()), id(orderId), clientOrderId, accountId, ids);
            return t;
        }
        Tag tag = live.get(orderId);
        if (accountId != null && !accountId.equals(tag.accountId())) {
            t.refused = reject(Reject.of(ResultCode.ACCOUNT_MISMATCH, "accountId", "order " + orderId
                    + " belongs to another account"), id(orderId), tag.clientOrderId(), accountId, ids);
            return t;
        }
        t.orderId = orderId;
        t.order = order;
        t.tag = tag;
        return t;
    }

    private OrderResult resultAfter(long orderId, String clientOrderId, long filledBefore, List<OrderBookEvent> events) {
        List<OrderResult.Fill> fills = new ArrayList<>();
        long filled = filledBefore;
        boolean cancelled = false;
        for (OrderBookEvent e : events) {
            if (e instanceof OrderBookEvent.Trade t && (t.takerOrderId() == orderId || t.makerOrderId() == orderId)) {
                fills.add(new OrderResult.Fill(tradeId(t.tradeId()), price(t.price()), lots(t.quantity()),
                        id(t.makerOrderId()), id(t.takerOrderId())));
                filled += t.quantity();
            } else if (e instanceof OrderBookEvent.Cancelled c && c.orderId() == orderId) {
                cancelled = true;
            }
        }
        OrderInfo after = book.order(orderId);
        String status;
        if (after != null) {
            status = filled > 0 ? OrderResult.PARTIALLY_FILLED : OrderResult.NEW;
        } else {
            status = cancelled ? OrderResult.CANCELLED : OrderResult.FILLED;
        }
        return new OrderResult(id(orderId), clientOrderId, status, lots(filled),
                after == null ? zero() : lots(after.remaining()), fills, null);
    }

    // ---------------------------------------------------------------------------------------------
    // Engine events -> catalog payloads

    private List<Execution> translate(List<OrderBookEvent> events, EventIds ids) {
        List<Execution> out = new ArrayList<>(events.size() + 2);
        String symbol = spec.symbol();
        for (OrderBookEvent e : events) {
            switch (e) {
                case OrderBookEvent.Accepted a -> {
                    Tag tag = live.get(a.orderId());
                    String price = a.type() == OrderType.MARKET && a.price() == 0 ? null : price(a.price());
                    out.add(new Execution(ids.next(), EventTypes.ORDER_ACCEPTED, symbol, new OrderAccepted(id(a.orderId()),
                            tag.clientOrderId(), tag.accountId(), symbol, a.side().name(), a.type().name(),
                            a.timeInForce().name(), price, lots(a.quantity()), a.sequence())));
                }
                case OrderBookEvent.Trade t -> {
                    Tag taker = live.get(t.takerOrderId());
                    Tag maker = live.get(t.makerOrderId());
                    String tradeId = tradeId(t.tradeId());
                    out.add(new Execution(ids.next(), EventTypes.ORDER_FILLED, symbol, new OrderFilled(tradeId,
                            id(t.takerOrderId()), taker.clientOrderId(), taker.accountId(), symbol, t.takerSide().name(),
                            price(t.price()), lots(t.quantity()), lots(t.takerRemaining()), id(t.makerOrderId()),
                            id(t.takerOrderId()), t.sequence())));
                    out.add(new Execution(ids.next(), EventTypes.ORDER_FILLED, symbol, new OrderFilled(tradeId,
                            id(t.makerOrderId()), maker.clientOrderId(), maker.accountId(), symbol,
                            t.takerSide().opposite().name(), price(t.price()), lots(t.quantity()), lots(t.makerRemaining()),
                            id(t.makerOrderId()), id(t.takerOrderId()), t.sequence())));
                    if (t.makerRemaining() == 0) {
                        live.remove(t.makerOrderId());
                    }
                    if (t.takerRemaining() == 0) {
                        live.remove(t.takerOrderId());
                    }
                }
                case OrderBookEvent.Cancelled c -> {
                    Tag tag = live.remove(c.orderId());
                    out.add(new Execution(ids.next(), EventTypes.ORDER_CANCELLED, symbol, new OrderCancelled(id(c.orderId()),
                            tag.clientOrderId(), tag.accountId(), symbol, lots(c.cancelledQuantity()), reason(c.reason()),
                            c.sequence())));
                }
                case OrderBookEvent.Amended m -> {
                    Tag tag = live.get(m.orderId());
                    out.add(new Execution(ids.next(), EventTypes.ORDER_ACCEPTED, symbol, new OrderAccepted(id(m.orderId()),
                            tag.clientOrderId(), tag.accountId(), symbol, m.side().name(), OrderType.LIMIT.name(), "GTC",
                            price(m.newPrice()), lots(m.newQuantity()), m.sequence())));
                }
                case OrderBookEvent.Rejected r -> {
                    Tag tag = live.get(r.orderId());
                    Reject reject = describe(r.reason(), r.orderId(), null);
                    out.add(rejected(ids, r.command() == CommandType.PLACE ? null : id(r.orderId()),
                            tag == null ? null : tag.clientOrderId(), tag == null ? null : tag.accountId(), reject,
                            r.sequence()));
                }
            }
        }
        return out;
    }

    private Execution rejected(EventIds ids, String orderId, String clientOrderId, String accountId, Reject r,
            long sequence) {
        return new Execution(ids.next(), EventTypes.ORDER_REJECTED, spec.symbol(), new OrderRejected(orderId,
                clientOrderId, accountId, spec.symbol(), r.code(), r.reason(), sequence));
    }

    /** The reason sentence for an engine result code, naming the field. */
    private Reject describe(ResultCode code, long orderId, Side side) {
        return switch (code) {
            case POST_ONLY_WOULD_CROSS -> Reject.of(code, "postOnly", "the order would trade on arrival"
                    + bestOpposite(side));
            case SELF_TRADE_PREVENTED -> Reject.of(code, "accountId",
                    "the order would trade with a resting order of the same account");
            case UNKNOWN_ORDER -> Reject.of(code, "orderId", "no resting order " + orderId + " in " + spec.symbol());
            case ACCOUNT_MISMATCH -> Reject.of(code, "accountId", "order " + orderId + " belongs to another account");
            case DUPLICATE_ORDER_ID -> Reject.of(code, "orderId", "order id " + orderId + " is in use");
            case QUANTITY_BELOW_MIN -> Reject.of(code, "quantity", "is below the minimum "
                    + lots(spec.minQty()) + " of " + spec.symbol());
            case QUANTITY_ABOVE_MAX -> Reject.of(code, "quantity", "is above the maximum "
                    + lots(spec.maxQty()) + " of " + spec.symbol());
            case PRICE_OUTSIDE_BAND -> Reject.of(code, "price", "is outside the price band "
                    + price(spec.minPrice()) + " to " + price(spec.maxPrice()) + " of " + spec.symbol());
            case INVALID_PRICE -> Reject.of(code, "price", "must be positive");
            case INVALID_QUANTITY -> Reject.of(code, "quantity", "must be positive");
            case POST_ONLY_REQUIRES_GTC -> Reject.of(code, "postOnly", "needs timeInForce GTC");
            case INVALID_TIME_IN_FORCE -> Reject.of(code, "timeInForce", "is required");
            case INVALID_SIDE -> Reject.of(code, "side", "is required");
            case INVALID_ACCOUNT -> Reject.of(code, "accountId", "is not valid");
            case INVALID_ORDER_ID -> Reject.of(code, "orderId", "is not valid");
            default -> Reject.of(code, "order", "refused by the book (" + code + ")");
        };
    }

    private String bestOpposite(Side side) {
        if (side == null) {
            return "";
        }
        long best = side == Side.BUY ? book.bestAsk() : book.bestBid();
        return best == OrderBook.NO_PRICE ? "" : " (best " + (side == Side.BUY ? "ask " : "bid ") + price(best) + ")";
    }

    private static String reason(CancelReason reason) {
        return reason == CancelReason.FILL_OR_KILL ? "FOK" : reason.name();
    }

    // ---------------------------------------------------------------------------------------------
    // Accounts and clientOrderIds

    private long accountNumber(String accountId) {
        Long n = accountNumbers.get(accountId);
        if (n == null) {
            accountNames.add(accountId);
            n = (long) accountNames.size();
            accountNumbers.put(accountId, n);
        }
        return n;
    }

    private static String clientKey(String accountId, String clientOrderId) {
        return accountId + '\u0000' + clientOrderId;
    }

    /**
     * Remembers a used clientOrderId. The oldest ones are forgotten once the window is full, unless
     * their order still rests (those are kept: they go to the back of the queue).
     */
    private void remember(String key, long orderId) {
        clientKeys.put(key, orderId);
        clientKeyOrder.addLast(new ClientKey(key, orderId));
        for (int i = 0; i < 2 && clientKeyOrder.size() > settings.clientOrderIdWindow(); i++) {
            ClientKey oldest = clientKeyOrder.pollFirst();
            if (live.containsKey(oldest.orderId())) {
                clientKeyOrder.addLast(oldest);
            } else {
                clientKeys.remove(oldest.key());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Formatting

    static String id(long orderId) {
        return Long.toString(orderId);
    }

    private String tradeId(long tradeId) {
        return spec.symbol() + "-" + tradeId;
    }

    private String price(long ticks) {
        return spec.ticksToPrice(ticks).toPlainString();
    }

    private String lots(long lots) {
        return spec.lotsToQuantity(lots).toPlainString();
    }

    private String zero() {
        return lots(0);
    }

    // ---------------------------------------------------------------------------------------------
    // State

    /**
     * The book's state at this point, copied so that it can be written on another thread while this
     * book goes on: the engine's resting orders, the account names (append-only), the tags of live
     * orders and the remembered clientOrderIds. Copies of references and arrays, no encoding.
     */
    record Frozen(String symbol, BookSnapshot engine, List<String> accountNames, Map<Long, Tag> live,
            ClientKey[] clientKeys) {
    }

    /** Copies the state (on the sequencer thread); {@link #write(Frozen, DataOutputStream)} encodes it anywhere. */
    Frozen freeze() {
        return new Frozen(spec.symbol(), book.snapshot(), List.copyOf(accountNames), new HashMap<>(live),
                clientKeyOrder.toArray(new ClientKey[0]));
    }

    void write(DataOutputStream out) throws IOException {
        write(freeze(), out);
    }

    static void write(Frozen f, DataOutputStream out) throws IOException {
        out.writeUTF(f.symbol());
        byte[] engine = f.engine().toBytes();
        out.writeInt(engine.length);
        out.write(engine);
        out.writeInt(f.accountNames().size());
        Map<String, Long> numbers = new HashMap<>();
        for (String name : f.accountNames()) {
            out.writeUTF(name);
            numbers.put(name, (long) numbers.size() + 1);
        }
        Map<Long, Tag> sorted = new TreeMap<>(f.live());
        out.writeInt(sorted.size());
        for (Map.Entry<Long, Tag> e : sorted.entrySet()) {
            out.writeLong(e.getKey());
            out.writeUTF(e.getValue().clientOrderId());
            out.writeLong(numbers.get(e.getValue().accountId()));
        }
        out.writeInt(f.clientKeys().length);
        for (ClientKey key : f.clientKeys()) {
            out.writeUTF(key.key());
            out.writeLong(key.orderId());
        }
    }

    static SymbolBook read(DataInputStream in, Instruments instruments, BookSettings settings) throws IOException {
        String symbol = in.readUTF();
        InstrumentSpec spec = instruments.find(symbol);
        if (spec == null) {
            throw new IOException("the snapshot holds a book of " + symbol + ", which is no longer configured");
        }
        SymbolBook b = new SymbolBook(spec, settings);
        byte[] engine = in.readNBytes(in.readInt());
        ResultCode rc = b.book.restore(BookSnapshot.fromBytes(engine));
        if (!rc.isSuccess()) {
            throw new IOException("the snapshot of " + symbol + " does not fit its instrument: " + rc);
        }
        int accounts = in.readInt();
        for (int i = 0; i < accounts; i++) {
            b.accountNumber(in.readUTF());
        }
        int live = in.readInt();
        for (int i = 0; i < live; i++) {
            long orderId = in.readLong();
            String clientOrderId = in.readUTF();
            long account = in.readLong();
            b.live.put(orderId, new Tag(clientOrderId, b.accountNames.get((int) account - 1)));
        }
        int keys = in.readInt();
        for (int i = 0; i < keys; i++) {
            String key = in.readUTF();
            long orderId = in.readLong();
            b.clientKeys.put(key, orderId);
            b.clientKeyOrder.addLast(new ClientKey(key, orderId));
        }
        if (b.live.size() != b.book.orderCount()) {
            throw new IOException("the snapshot of " + symbol + " has " + b.book.orderCount() + " resting orders but "
                    + b.live.size() + " order tags");
        }
        return b;
    }
}
