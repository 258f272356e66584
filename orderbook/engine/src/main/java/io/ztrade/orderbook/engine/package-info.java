/**
 * Plain-Java, price-time priority limit order book for one symbol.
 *
 * <p>Start with {@link io.ztrade.orderbook.engine.OrderBook}: the commands a service calls, the
 * queries it serves and the snapshot it persists. {@link io.ztrade.orderbook.engine.FastOrderBook}
 * is the production implementation; {@link io.ztrade.orderbook.engine.ReferenceOrderBook} is the
 * simple one it is checked against. Events leave through an
 * {@link io.ztrade.orderbook.engine.OrderBookListener}; every command answers with a
 * {@link io.ztrade.orderbook.engine.ResultCode}.
 *
 * <p>The package imports nothing outside {@code java.base}, uses no reflection and allocates nothing
 * per command in the fast book once its pools are warm.
 */
package io.ztrade.orderbook.engine;
