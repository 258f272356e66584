package io.ztrade.events.payload;

/**
 * Data of {@code io.ztrade.order.rejected}.
 *
 * @param code   the result code name
 * @param reason a sentence naming the offending field where there is one
 */
public record OrderRejected(
        String orderId, String clientOrderId, String accountId, String symbol, String code, String reason,
        long sequence) {}
