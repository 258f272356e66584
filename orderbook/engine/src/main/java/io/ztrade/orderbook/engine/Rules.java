package io.ztrade.orderbook.engine;

import java.util.HashSet;
import java.util.Set;

/**
 * The stateless checks shared by both books, in the order the {@link OrderBook} contract lists them,
 * so both refuse the same command with the same code. Limits are copied out of the
 * {@link InstrumentSpec} once.
 */
final class Rules {

    final long minPrice;
    final long maxPrice;
    final long minQty;
    final long maxQty;

    Rules(InstrumentSpec spec) {
        this.minPrice = spec.minPrice();
        this.maxPrice = spec.maxPrice();
        this.minQty = spec.minQty();
        this.maxQty = spec.maxQty();
    }

    ResultCode checkLimit(long orderId, long account, Side side, long price, long quantity,
            TimeInForce timeInForce, boolean postOnly) {
        if (orderId <= 0) {
            return ResultCode.INVALID_ORDER_ID;
        }
        if (account <= 0) {
            return ResultCode.INVALID_ACCOUNT;
        }
        if (side == null) {
            return ResultCode.INVALID_SIDE;
        }
        if (timeInForce == null) {
            return ResultCode.INVALID_TIME_IN_FORCE;
        }
        if (price <= 0) {
            return ResultCode.INVALID_PRICE;
        }
        if (quantity <= 0) {
            return ResultCode.INVALID_QUANTITY;
        }
        if (postOnly && timeInForce != TimeInForce.GTC) {
            return ResultCode.POST_ONLY_REQUIRES_GTC;
        }
        if (price < minPrice || price > maxPrice) {
            return ResultCode.PRICE_OUTSIDE_BAND;
        }
        return checkQuantity(quantity);
    }

    ResultCode checkMarket(long orderId, long account, Side side, long quantity, long protectionPrice) {
        if (orderId <= 0) {
            return ResultCode.INVALID_ORDER_ID;
        }
        if (account <= 0) {
            return ResultCode.INVALID_ACCOUNT;
        }
        if (side == null) {
            return ResultCode.INVALID_SIDE;
        }
        if (protectionPrice < 0) {
            return ResultCode.INVALID_PRICE;
        }
        if (quantity <= 0) {
            return ResultCode.INVALID_QUANTITY;
        }
        return checkQuantity(quantity);
    }

    ResultCode checkCancel(long orderId, long account) {
        if (orderId <= 0) {
            return ResultCode.INVALID_ORDER_ID;
        }
        if (account <= 0) {
            return ResultCode.INVALID_ACCOUNT;
        }
        return ResultCode.SUCCESS;
    }

    /** The checks that need no order; {@link #checkAmendOf} follows once the order is found. */
    ResultCode checkAmend(long orderId, long account, long newPrice, long newQuantity) {
        if (orderId <= 0) {
            return ResultCode.INVALID_ORDER_ID;
        }
        if (account <= 0) {
            return ResultCode.INVALID_ACCOUNT;
        }
        if (newPrice <= 0) {
            return ResultCode.INVALID_PRICE;
        }
        if (newQuantity <= 0) {
            return ResultCode.INVALID_QUANTITY;
        }
        if (newPrice < minPrice || newPrice > maxPrice) {
            return ResultCode.PRICE_OUTSIDE_BAND;
        }
        if (newQuantity > maxQty) {
            return ResultCode.QUANTITY_ABOVE_MAX;
        }
        return ResultCode.SUCCESS;
    }

    /** Ownership, then the minimum for an increase (a reduction may go below it). */
    ResultCode checkAmendOf(long ownerAccount, long remaining, long account, long newQuantity) {
        if (ownerAccount != account) {
            return ResultCode.ACCOUNT_MISMATCH;
        }
        if (newQuantity > remaining && newQuantity < minQty) {
            return ResultCode.QUANTITY_BELOW_MIN;
        }
        return ResultCode.SUCCESS;
    }

    private ResultCode checkQuantity(long quantity) {
        if (quantity < minQty) {
            return ResultCode.QUANTITY_BELOW_MIN;
        }
        if (quantity > maxQty) {
            return ResultCode.QUANTITY_ABOVE_MAX;
        }
        return ResultCode.SUCCESS;
    }

    /**
     * Whether a book of this instrument can hold the snapshot: same symbol, valid orders inside the
     * band with positive open quantity, unique ids, no crossed prices, valid counters.
     */
    ResultCode checkSnapshot(String symbol, BookSnapshot snapshot) {
        if (snapshot == null) {
            return ResultCode.SNAPSHOT_INVALID;
        }
        if (!symbol.equals(snapshot.symbol())) {
            return ResultCode.SNAPSHOT_SYMBOL_MISMATCH;
        }
        if (snapshot.sequence() < 0 || snapshot.lastTradeId() < 0) {
            return ResultCode.SNAPSHOT_INVALID;
        }
        Set<Long> ids = new HashSet<>();
        long highestBid = Long.MIN_VALUE;
        long lowestAsk = Long.MAX_VALUE;
        for (OrderInfo o : snapshot.orders()) {
            if (o == null || o.orderId() <= 0 || o.account() <= 0 || o.side() == null
                    || o.price() < minPrice || o.price() > maxPrice
                    || o.remaining() <= 0 || o.remaining() > maxQty || o.filled() < 0
                    || !ids.add(o.orderId())) {
                return ResultCode.SNAPSHOT_INVALID;
            }
            if (o.side() == Side.BUY) {
                highestBid = Math.max(highestBid, o.price());
            } else {
                lowestAsk = Math.min(lowestAsk, o.price());
            }
        }
        if (highestBid >= lowestAsk) {
            return ResultCode.SNAPSHOT_INVALID;
        }
        Set<Long> recent = new HashSet<>();
        for (int i = 0; i < snapshot.recentOrderIdCount(); i++) {
            long id = snapshot.recentOrderId(i);
            if (id <= 0 || !recent.add(id)) {
                return ResultCode.SNAPSHOT_INVALID;
            }
        }
        return ResultCode.SUCCESS;
    }
}
