package io.ztrade.orderbook.engine;

/**
 * The events of {@link OrderBookListener} as records, for code off the hot path (adapters, tests).
 * Each maps to one outgoing CloudEvent type: {@code Accepted} to {@code io.ztrade.order.accepted},
 * {@code Trade} to {@code io.ztrade.order.filled} (one per side), {@code Rejected} to
 * {@code io.ztrade.order.rejected}, {@code Cancelled} to {@code io.ztrade.order.cancelled}.
 */
public sealed interface OrderBookEvent {

    /** The book sequence number of this event. */
    long sequence();

    /** See {@link OrderBookListener#onAccepted}. */
    record Accepted(long sequence, long orderId, long account, Side side, OrderType type,
            TimeInForce timeInForce, long price, long quantity, boolean postOnly) implements OrderBookEvent {
    }

    /** See {@link OrderBookListener#onTrade}. */
    record Trade(long sequence, long tradeId, Side takerSide, long price, long quantity,
            long makerOrderId, long takerOrderId, long makerAccount, long takerAccount,
            long makerRemaining, long takerRemaining) implements OrderBookEvent {
    }

    /** See {@link OrderBookListener#onRejected}. */
    record Rejected(long sequence, CommandType command, long orderId, long account, ResultCode reason)
            implements OrderBookEvent {
    }

    /** See {@link OrderBookListener#onCancelled}. */
    record Cancelled(long sequence, long orderId, long account, Side side, long price,
            long cancelledQuantity, CancelReason reason) implements OrderBookEvent {
    }

    /** See {@link OrderBookListener#onAmended}. */
    record Amended(long sequence, long orderId, long account, Side side, long oldPrice, long newPrice,
            long oldQuantity, long newQuantity, boolean priorityKept) implements OrderBookEvent {
    }
}
