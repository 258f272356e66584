package io.ztrade.orderbook.engine;

/**
 * A resting order as seen by a lookup.
 *
 * @param orderId   order id
 * @param account   owning account
 * @param side      buy or sell
 * @param price     limit price in ticks
 * @param remaining open quantity in lots (always positive for a resting order)
 * @param filled    quantity traded so far in lots
 * @param postOnly  whether the order was placed post-only (an amend may not make it cross)
 */
public record OrderInfo(long orderId, long account, Side side, long price, long remaining, long filled, boolean postOnly) {
}
