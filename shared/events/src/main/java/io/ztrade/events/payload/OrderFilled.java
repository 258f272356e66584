package io.ztrade.events.payload;

/**
 * Data of {@code io.ztrade.order.filled}: one fill, seen from the order {@code orderId}. Prices and
 * quantities are decimal strings.
 */
public record OrderFilled(
        String tradeId, String orderId, String clientOrderId, String accountId, String symbol, String side,
        String price, String quantity, String remainingQuantity, String makerOrderId, String takerOrderId,
        long sequence) {}
