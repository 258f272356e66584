package io.ztrade.events.payload;

/**
 * Data of {@code io.ztrade.order.accepted}. Prices and quantities are decimal strings.
 */
public record OrderAccepted(
        String orderId, String clientOrderId, String accountId, String symbol, String side, String type,
        String timeInForce, String price, String quantity, long sequence) {}
