package io.ztrade.domain.trading;

import io.ztrade.domain.backtest.Side;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One fill of one of the agent's orders.
 *
 * @param executionId   unique id of the fill (the order book's trade id with the side); booking is once per id
 * @param clientOrderId the order it fills
 * @param side          buy or sell
 * @param price         fill price, > 0
 * @param quantity      filled quantity, > 0
 * @param commission    commission of this fill, >= 0 ({@link CommissionModel#commission})
 */
public record Execution(String executionId, String clientOrderId, Side side, BigDecimal price, BigDecimal quantity,
        BigDecimal commission) {

    public Execution {
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(commission, "commission");
        if (executionId.isBlank()) {
            throw new IllegalArgumentException("executionId must not be blank");
        }
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("price must be > 0, was " + price.toPlainString());
        }
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be > 0, was " + quantity.toPlainString());
        }
        if (commission.signum() < 0) {
            throw new IllegalArgumentException("commission must be >= 0, was " + commission.toPlainString());
        }
    }
}
