package io.ztrade.orderbook.engine;

/**
 * Receives every event a book emits, synchronously, on the thread that runs the command, in
 * sequence order. Arguments are primitives and enums so the fast book allocates nothing per event;
 * {@link EventCollector} turns them into {@link OrderBookEvent} records when that is convenient.
 *
 * <p>Every event carries the book's sequence number: it starts at 1 after an empty book is created,
 * grows by exactly one per event and is part of a snapshot, so {@code symbol + sequence} is a stable
 * event id across replays. Trade ids are a second per-book counter with the same properties.
 *
 * <p>A listener must not throw and must not call back into the book.
 */
public interface OrderBookListener {

    /** A listener that ignores everything. */
    OrderBookListener NO_OP = new OrderBookListener() {
        @Override
        public void onAccepted(long sequence, long orderId, long account, Side side, OrderType type,
                TimeInForce timeInForce, long price, long quantity, boolean postOnly) {
        }

        @Override
        public void onTrade(long sequence, long tradeId, Side takerSide, long price, long quantity,
                long makerOrderId, long takerOrderId, long makerAccount, long takerAccount,
                long makerRemaining, long takerRemaining) {
        }

        @Override
        public void onRejected(long sequence, CommandType command, long orderId, long account, ResultCode reason) {
        }

        @Override
        public void onCancelled(long sequence, long orderId, long account, Side side, long price,
                long cancelledQuantity, CancelReason reason) {
        }

        @Override
        public void onAmended(long sequence, long orderId, long account, Side side, long oldPrice, long newPrice,
                long oldQuantity, long newQuantity, boolean priorityKept) {
        }
    };

    /**
     * A new order passed every check and now takes part in matching. Always precedes its trades.
     *
     * @param price limit price in ticks; for a market order its protection price, or {@code 0} for none
     * @param quantity the order quantity in lots
     */
    void onAccepted(long sequence, long orderId, long account, Side side, OrderType type,
            TimeInForce timeInForce, long price, long quantity, boolean postOnly);

    /**
     * Two orders traded at the maker's price. An order whose remaining quantity is {@code 0} is filled
     * and gone from the book.
     *
     * @param tradeId        per-book trade id, consecutive from 1
     * @param takerSide      side of the incoming (aggressive) order
     * @param price          trade price in ticks (the resting order's price)
     * @param quantity       traded lots
     * @param makerRemaining open lots left on the resting order
     * @param takerRemaining open lots left on the incoming order
     */
    void onTrade(long sequence, long tradeId, Side takerSide, long price, long quantity,
            long makerOrderId, long takerOrderId, long makerAccount, long takerAccount,
            long makerRemaining, long takerRemaining);

    /** A command was refused; nothing changed. {@code command} tells whether a new order, a cancel or an amend. */
    void onRejected(long sequence, CommandType command, long orderId, long account, ResultCode reason);

    /**
     * An order, or the unfilled remainder of one, left without trading.
     *
     * @param price             its limit price in ticks ({@code 0} for a market order without protection)
     * @param cancelledQuantity the lots that will never trade
     */
    void onCancelled(long sequence, long orderId, long account, Side side, long price,
            long cancelledQuantity, CancelReason reason);

    /**
     * A resting order changed. {@code priorityKept} is true when only its quantity went down (or nothing
     * changed); otherwise it went to the back of the queue at {@code newPrice}, and trades may follow
     * when the new price crosses the book.
     */
    void onAmended(long sequence, long orderId, long account, Side side, long oldPrice, long newPrice,
            long oldQuantity, long newQuantity, boolean priorityKept);
}
