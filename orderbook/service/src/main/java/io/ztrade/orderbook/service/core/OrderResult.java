package io.ztrade.orderbook.service.core;

import java.util.List;

/**
 * What one command did to one order, as the REST API reports it. Quantities and prices are decimal
 * strings in the instrument's tick and lot scale.
 *
 * @param orderId           the order (null when a new order was rejected)
 * @param clientOrderId     the sender's id of the order
 * @param status            {@link #NEW}, {@link #PARTIALLY_FILLED}, {@link #FILLED}, {@link #CANCELLED}
 *                          or {@link #REJECTED}
 * @param filledQuantity    quantity traded so far, all commands included
 * @param remainingQuantity quantity still open on the book ({@code 0} unless resting)
 * @param fills             the trades this command made for the order
 * @param reject            why the command was refused, when {@code status} is {@link #REJECTED}
 */
public record OrderResult(String orderId, String clientOrderId, String status, String filledQuantity,
        String remainingQuantity, List<Fill> fills, Reject reject) {

    public static final String NEW = "NEW";
    public static final String PARTIALLY_FILLED = "PARTIALLY_FILLED";
    public static final String FILLED = "FILLED";
    public static final String CANCELLED = "CANCELLED";
    public static final String REJECTED = "REJECTED";

    public OrderResult {
        fills = List.copyOf(fills);
    }

    /** One trade of the order. */
    public record Fill(String tradeId, String price, String quantity, String makerOrderId, String takerOrderId) {
    }

    /** Whether the command was refused. */
    public boolean rejected() {
        return reject != null;
    }

    /** {@code field: message} of the reject, or null. */
    public String rejectReason() {
        return reject == null ? null : reject.reason();
    }

    static OrderResult rejected(String orderId, String clientOrderId, String filled, String remaining, Reject reject) {
        return new OrderResult(orderId, clientOrderId, REJECTED, filled, remaining, List.of(), reject);
    }
}
