package io.ztrade.orderbook.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A listener that keeps every event as an {@link OrderBookEvent} record, in order. Handy for an
 * adapter that publishes after each command ({@link #drain()}) and for tests. Allocates per event.
 */
public final class EventCollector implements OrderBookListener {

    private final List<OrderBookEvent> events = new ArrayList<>();

    /** The events collected so far (live view). */
    public List<OrderBookEvent> events() {
        return events;
    }

    /** Returns the events collected so far and forgets them. */
    public List<OrderBookEvent> drain() {
        List<OrderBookEvent> copy = List.copyOf(events);
        events.clear();
        return copy;
    }

    /** Forgets the events collected so far. */
    public void clear() {
        events.clear();
    }

    @Override
    public void onAccepted(long sequence, long orderId, long account, Side side, OrderType type,
            TimeInForce timeInForce, long price, long quantity, boolean postOnly) {
        events.add(new OrderBookEvent.Accepted(sequence, orderId, account, side, type, timeInForce, price, quantity, postOnly));
    }

    @Override
    public void onTrade(long sequence, long tradeId, Side takerSide, long price, long quantity,
            long makerOrderId, long takerOrderId, long makerAccount, long takerAccount,
            long makerRemaining, long takerRemaining) {
        events.add(new OrderBookEvent.Trade(sequence, tradeId, takerSide, price, quantity, makerOrderId, takerOrderId,
                makerAccount, takerAccount, makerRemaining, takerRemaining));
    }

    @Override
    public void onRejected(long sequence, CommandType command, long orderId, long account, ResultCode reason) {
        events.add(new OrderBookEvent.Rejected(sequence, command, orderId, account, reason));
    }

    @Override
    public void onCancelled(long sequence, long orderId, long account, Side side, long price,
            long cancelledQuantity, CancelReason reason) {
        events.add(new OrderBookEvent.Cancelled(sequence, orderId, account, side, price, cancelledQuantity, reason));
    }

    @Override
    public void onAmended(long sequence, long orderId, long account, Side side, long oldPrice, long newPrice,
            long oldQuantity, long newQuantity, boolean priorityKept) {
        events.add(new OrderBookEvent.Amended(sequence, orderId, account, side, oldPrice, newPrice, oldQuantity,
                newQuantity, priorityKept));
    }
}
