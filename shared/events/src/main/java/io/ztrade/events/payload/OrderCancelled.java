package io.ztrade.events.payload;

/**
 * Data of {@code io.ztrade.order.cancelled}.
 *
 * @param reason why the order left the book: {@code USER}, {@code IOC_REMAINDER}, {@code FOK},
 *               {@code SELF_TRADE}, {@code MARKET_REMAINDER}
 */
public record OrderCancelled(
        String orderId, String clientOrderId, String accountId, String symbol, String remainingQuantity,
        String reason, long sequence) {}
