package io.ztrade.bench.orderbook;

import io.ztrade.orderbook.engine.BookSnapshot;
import io.ztrade.orderbook.engine.CancelReason;
import io.ztrade.orderbook.engine.CommandType;
import io.ztrade.orderbook.engine.FastOrderBook;
import io.ztrade.orderbook.engine.OrderBook;
import io.ztrade.orderbook.engine.OrderBookListener;
import io.ztrade.orderbook.engine.OrderType;
import io.ztrade.orderbook.engine.ReferenceOrderBook;
import io.ztrade.orderbook.engine.ResultCode;
import io.ztrade.orderbook.engine.Side;
import io.ztrade.orderbook.engine.TimeInForce;

/** Drives {@link FastOrderBook} or {@link ReferenceOrderBook}; the listener folds every event into a checksum. */
final class ZtradeDriver implements BookDriver, OrderBookListener {

    private final OrderBook book;
    private final BookSnapshot start;
    private long checksum;

    ZtradeDriver(ExchangeCoreMix mix, boolean fast) {
        book = fast
                ? new FastOrderBook(ExchangeCoreMix.SPEC, ExchangeCoreMix.bookConfig(mix.startingOrders), this)
                : new ReferenceOrderBook(ExchangeCoreMix.SPEC, ExchangeCoreMix.bookConfig(mix.startingOrders), this);
        for (int i = 0; i < mix.prefill.size(); i++) {
            apply(mix.prefill, i);
        }
        start = book.snapshot();
    }

    @Override
    public void reset() {
        book.restore(start);
    }

    @Override
    public void apply(CommandStream s, int i) {
        Side side = s.buy[i] ? Side.BUY : Side.SELL;
        ResultCode code = switch (s.type[i]) {
            case CommandStream.GTC -> book.placeLimit(s.orderId[i], s.account[i], side, s.price[i], s.quantity[i],
                    TimeInForce.GTC, false);
            case CommandStream.IOC -> book.placeLimit(s.orderId[i], s.account[i], side, s.price[i], s.quantity[i],
                    TimeInForce.IOC, false);
            case CommandStream.CANCEL -> book.cancel(s.orderId[i], s.account[i]);
            default -> book.amend(s.orderId[i], s.account[i], s.price[i], s.quantity[i]);
        };
        checksum += code.code();
    }

    @Override
    public long checksum() {
        return checksum + book.sequence();
    }

    @Override
    public void onAccepted(long sequence, long orderId, long account, Side side, OrderType type,
            TimeInForce timeInForce, long price, long quantity, boolean postOnly) {
        checksum += orderId;
    }

    @Override
    public void onTrade(long sequence, long tradeId, Side takerSide, long price, long quantity, long makerOrderId,
            long takerOrderId, long makerAccount, long takerAccount, long makerRemaining, long takerRemaining) {
        checksum += price * quantity + makerRemaining;
    }

    @Override
    public void onRejected(long sequence, CommandType command, long orderId, long account, ResultCode reason) {
        checksum -= 1;
    }

    @Override
    public void onCancelled(long sequence, long orderId, long account, Side side, long price,
            long cancelledQuantity, CancelReason reason) {
        checksum += cancelledQuantity;
    }

    @Override
    public void onAmended(long sequence, long orderId, long account, Side side, long oldPrice, long newPrice,
            long oldQuantity, long newQuantity, boolean priorityKept) {
        checksum += newPrice;
    }
}
