package io.ztrade.orderbook.service.core;

import io.ztrade.orderbook.engine.OrderType;
import io.ztrade.orderbook.engine.Side;
import io.ztrade.orderbook.engine.TimeInForce;

/**
 * A request that passed every check that needs no book state: the instrument exists, prices are on
 * the tick grid and inside the band, quantities are whole lots within the limits. Prices are ticks,
 * quantities lots.
 */
public sealed interface Command {

    /** The instrument. */
    String symbol();

    /**
     * A new order.
     *
     * @param price limit price in ticks; for a market order its protection price or {@code 0} for none
     */
    record Place(String symbol, String clientOrderId, String accountId, Side side, OrderType type,
            TimeInForce timeInForce, boolean postOnly, long price, long quantity) implements Command {
    }

    /**
     * Cancel of a resting order, named by {@code orderId} or by {@code clientOrderId} + {@code accountId}.
     *
     * @param orderId   the order, or {@code 0} when named by clientOrderId
     * @param accountId when not null, the order must belong to it
     */
    record Cancel(String symbol, long orderId, String clientOrderId, String accountId) implements Command {
    }

    /**
     * New price and/or open quantity of a resting order.
     *
     * @param price    new price in ticks, or {@code 0} to keep it
     * @param quantity new open quantity in lots, or {@code 0} to keep it
     */
    record Amend(String symbol, long orderId, String clientOrderId, String accountId, long price, long quantity)
            implements Command {
    }
}
