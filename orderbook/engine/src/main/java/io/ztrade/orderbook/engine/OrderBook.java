package io.ztrade.orderbook.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A limit order book for one symbol with price-time priority matching.
 *
 * <p>Prices are whole ticks and quantities whole lots of the book's {@link InstrumentSpec}. Every
 * command returns a {@link ResultCode} and reports what happened through the book's
 * {@link OrderBookListener}, synchronously and in order; no command throws. A command that does not
 * return {@link ResultCode#SUCCESS} emits exactly one {@link OrderBookEvent.Rejected} and changes
 * nothing else.
 *
 * <p>Matching: an incoming order trades with the best opposite price first and, within a price, with
 * the order that has rested longest. The trade price is the resting (maker) order's price. A book is
 * never crossed: after every command the best bid is below the best ask.
 *
 * <p>Not thread-safe: one thread (for example the consumer of a symbol's Kafka partition) owns a book.
 * The same commands applied to the same state, whichever implementation, give the same events,
 * including sequence numbers and trade ids; this is what makes snapshot + replay recovery exact.
 */
public interface OrderBook {

    /** Returned by {@link #bestBid()} and {@link #bestAsk()} when that side is empty. */
    long NO_PRICE = 0;

    /** Protection price meaning "none" for {@link #placeMarket}. */
    long NO_PROTECTION = 0;

    /** The instrument this book trades. */
    InstrumentSpec spec();

    /** This book's behaviour settings. */
    BookConfig config();

    /**
     * Places a limit order.
     *
     * <ul>
     *   <li>{@link TimeInForce#GTC}: trades what crosses, the remainder rests.</li>
     *   <li>{@link TimeInForce#IOC}: trades what crosses, the remainder is cancelled
     *       ({@link CancelReason#IOC_REMAINDER}).</li>
     *   <li>{@link TimeInForce#FOK}: trades its whole quantity at once or nothing at all; when the book
     *       cannot fill it (counting only orders it may trade with under self-trade prevention) it is
     *       accepted and cancelled in full ({@link CancelReason#FILL_OR_KILL}).</li>
     *   <li>{@code postOnly} (GTC only): rejected with {@link ResultCode#POST_ONLY_WOULD_CROSS} when it
     *       would trade on arrival, so it always rests as a maker.</li>
     * </ul>
     *
     * Checks, in order: ids and fields ({@code 1xx}), band and quantity limits ({@code 2xx}), a
     * duplicate id ({@link ResultCode#DUPLICATE_ORDER_ID}: resting, or among the last
     * {@link BookConfig#duplicateWindow()} accepted ids), post-only, then self-trade prevention.
     *
     * @param orderId     unique positive id chosen by the caller
     * @param account     positive id of the owner; self-trade prevention compares these
     * @param price       limit price in ticks, inside the instrument's band
     * @param quantity    lots, within the instrument's min and max
     * @return {@link ResultCode#SUCCESS} when accepted (events say how it traded), otherwise the reason
     */
    ResultCode placeLimit(long orderId, long account, Side side, long price, long quantity,
            TimeInForce timeInForce, boolean postOnly);

    /**
     * Places a market order: it trades against the best prices until filled, and never rests. With a
     * protection price it does not trade beyond it (above it for a buy, below it for a sell). Whatever
     * is left is cancelled ({@link CancelReason#MARKET_REMAINDER}), in full when the book is empty.
     *
     * @param protectionPrice worst acceptable price in ticks, or {@link #NO_PROTECTION}
     */
    ResultCode placeMarket(long orderId, long account, Side side, long quantity, long protectionPrice);

    /**
     * Cancels a resting order ({@link CancelReason#USER}). Refused with
     * {@link ResultCode#UNKNOWN_ORDER} when nothing rests under that id, and with
     * {@link ResultCode#ACCOUNT_MISMATCH} when it belongs to another account.
     */
    ResultCode cancel(long orderId, long account);

    /**
     * Changes the price and/or the open quantity of a resting order. Reducing the quantity at the same
     * price keeps its place in the queue; a new price or a larger quantity sends it to the back of the
     * queue at its (new) price. A new price that crosses the book trades like an incoming GTC order
     * (post-only orders are refused instead). Increasing the quantity is subject to the instrument's
     * min and max; reducing to any positive quantity is allowed.
     *
     * @param newPrice    new limit price in ticks (may equal the current one)
     * @param newQuantity new open quantity in lots (may equal the current one)
     */
    ResultCode amend(long orderId, long account, long newPrice, long newQuantity);

    /** Runs one command record; the same as calling the matching method. */
    default ResultCode execute(OrderCommand command) {
        return switch (command) {
            case OrderCommand.PlaceLimit c ->
                    placeLimit(c.orderId(), c.account(), c.side(), c.price(), c.quantity(), c.timeInForce(), c.postOnly());
            case OrderCommand.PlaceMarket c ->
                    placeMarket(c.orderId(), c.account(), c.side(), c.quantity(), c.protectionPrice());
            case OrderCommand.Cancel c -> cancel(c.orderId(), c.account());
            case OrderCommand.Amend c -> amend(c.orderId(), c.account(), c.newPrice(), c.newQuantity());
        };
    }

    /** Highest bid price in ticks, or {@link #NO_PRICE}. */
    long bestBid();

    /** Lowest ask price in ticks, or {@link #NO_PRICE}. */
    long bestAsk();

    /**
     * Copies up to {@code maxLevels} levels of one side, best first, into the caller's arrays (no
     * allocation). Copies at most as many levels as the shortest array holds.
     *
     * @return the number of levels copied
     */
    int depth(Side side, int maxLevels, long[] prices, long[] quantities, int[] orderCounts);

    /** Up to {@code maxLevels} levels of each side, best first, as a record. */
    default L2Depth depth(int maxLevels) {
        return new L2Depth(depthSide(this, Side.BUY, maxLevels), depthSide(this, Side.SELL, maxLevels));
    }

    /** The resting order with this id, or {@code null} when none rests (filled, cancelled, never placed). */
    OrderInfo order(long orderId);

    /** Number of resting orders. */
    int orderCount();

    /** Sequence number of the last event emitted ({@code 0} before the first). */
    long sequence();

    /** Id of the last trade ({@code 0} before the first). */
    long lastTradeId();

    /**
     * The full state: every resting order in priority order, the sequence, the trade id counter and
     * the recently accepted order ids. Restoring it into an empty or used book of the same symbol and
     * then applying the same commands gives identical events.
     */
    BookSnapshot snapshot();

    /**
     * Replaces this book's whole state with a snapshot. Refused, leaving the book as it was, with
     * {@link ResultCode#SNAPSHOT_SYMBOL_MISMATCH} or {@link ResultCode#SNAPSHOT_INVALID}. Emits no event.
     * When this book's duplicate window is smaller than the snapshot's list, the most recent ids are kept.
     */
    ResultCode restore(BookSnapshot snapshot);

    /** The production book (see {@link FastOrderBook}). */
    static OrderBook create(InstrumentSpec spec, BookConfig config, OrderBookListener listener) {
        return new FastOrderBook(spec, config, listener);
    }

    private static List<L2Depth.Level> depthSide(OrderBook book, Side side, int maxLevels) {
        int n = Math.max(0, Math.min(maxLevels, book.orderCount()));
        long[] prices = new long[n];
        long[] quantities = new long[n];
        int[] counts = new int[n];
        int levels = book.depth(side, n, prices, quantities, counts);
        List<L2Depth.Level> out = new ArrayList<>(levels);
        for (int i = 0; i < levels; i++) {
            out.add(new L2Depth.Level(prices[i], quantities[i], counts[i]));
        }
        return out;
    }
}
