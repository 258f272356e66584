package io.ztrade.orderbook.engine;

import java.util.List;

/**
 * Aggregated depth of a book, best price first on each side.
 *
 * @param bids bid levels, highest price first
 * @param asks ask levels, lowest price first
 */
public record L2Depth(List<Level> bids, List<Level> asks) {

    /** Makes the lists unmodifiable. */
    public L2Depth {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    /**
     * One price level.
     *
     * @param price    price in ticks
     * @param quantity sum of the open quantities of its orders, in lots
     * @param orders   number of orders resting at this price
     */
    public record Level(long price, long quantity, int orders) {
    }
}
