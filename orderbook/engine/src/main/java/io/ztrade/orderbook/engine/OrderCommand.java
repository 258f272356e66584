package io.ztrade.orderbook.engine;

/**
 * The commands of {@link OrderBook} as records, for adapters that decode a message into a command
 * and for replaying journals. {@link OrderBook#execute(OrderCommand)} runs one.
 */
public sealed interface OrderCommand {

    /** Order id the command is about. */
    long orderId();

    /** See {@link OrderBook#placeLimit}. */
    record PlaceLimit(long orderId, long account, Side side, long price, long quantity, TimeInForce timeInForce,
            boolean postOnly) implements OrderCommand {
    }

    /** See {@link OrderBook#placeMarket}; {@code protectionPrice} {@code 0} means none. */
    record PlaceMarket(long orderId, long account, Side side, long quantity, long protectionPrice)
            implements OrderCommand {
    }

    /** See {@link OrderBook#cancel}. */
    record Cancel(long orderId, long account) implements OrderCommand {
    }

    /** See {@link OrderBook#amend}. */
    record Amend(long orderId, long account, long newPrice, long newQuantity) implements OrderCommand {
    }
}
