package io.ztrade.orderbook.engine;

import java.util.ArrayList;
import java.util.List;

/** Builders for expected events; sequences are filled in by {@link #numbered}. */
final class Events {

    private Events() {
    }

    static OrderBookEvent accepted(long id, long account, Side side, long price, long qty, TimeInForce tif) {
        return new OrderBookEvent.Accepted(0, id, account, side, OrderType.LIMIT, tif, price, qty, false);
    }

    static OrderBookEvent acceptedPostOnly(long id, long account, Side side, long price, long qty) {
        return new OrderBookEvent.Accepted(0, id, account, side, OrderType.LIMIT, TimeInForce.GTC, price, qty, true);
    }

    static OrderBookEvent acceptedMarket(long id, long account, Side side, long qty, long protection) {
        return new OrderBookEvent.Accepted(0, id, account, side, OrderType.MARKET, TimeInForce.IOC, protection, qty, false);
    }

    static OrderBookEvent trade(long tradeId, Side takerSide, long price, long qty, long makerId, long takerId,
            long makerAccount, long takerAccount, long makerRemaining, long takerRemaining) {
        return new OrderBookEvent.Trade(0, tradeId, takerSide, price, qty, makerId, takerId, makerAccount, takerAccount,
                makerRemaining, takerRemaining);
    }

    static OrderBookEvent rejected(CommandType command, long id, long account, ResultCode code) {
        return new OrderBookEvent.Rejected(0, command, id, account, code);
    }

    static OrderBookEvent cancelled(long id, long account, Side side, long price, long qty, CancelReason reason) {
        return new OrderBookEvent.Cancelled(0, id, account, side, price, qty, reason);
    }

    static OrderBookEvent amended(long id, long account, Side side, long oldPrice, long newPrice, long oldQty,
            long newQty, boolean priorityKept) {
        return new OrderBookEvent.Amended(0, id, account, side, oldPrice, newPrice, oldQty, newQty, priorityKept);
    }

    /** The events with consecutive sequence numbers from {@code first}. */
    static List<OrderBookEvent> numbered(long first, OrderBookEvent... events) {
        List<OrderBookEvent> out = new ArrayList<>(events.length);
        long seq = first;
        for (OrderBookEvent e : events) {
            out.add(withSequence(e, seq++));
        }
        return out;
    }

    static OrderBookEvent withSequence(OrderBookEvent e, long s) {
        return switch (e) {
            case OrderBookEvent.Accepted a -> new OrderBookEvent.Accepted(s, a.orderId(), a.account(), a.side(), a.type(),
                    a.timeInForce(), a.price(), a.quantity(), a.postOnly());
            case OrderBookEvent.Trade t -> new OrderBookEvent.Trade(s, t.tradeId(), t.takerSide(), t.price(), t.quantity(),
                    t.makerOrderId(), t.takerOrderId(), t.makerAccount(), t.takerAccount(), t.makerRemaining(),
                    t.takerRemaining());
            case OrderBookEvent.Rejected r -> new OrderBookEvent.Rejected(s, r.command(), r.orderId(), r.account(), r.reason());
            case OrderBookEvent.Cancelled c -> new OrderBookEvent.Cancelled(s, c.orderId(), c.account(), c.side(), c.price(),
                    c.cancelledQuantity(), c.reason());
            case OrderBookEvent.Amended m -> new OrderBookEvent.Amended(s, m.orderId(), m.account(), m.side(), m.oldPrice(),
                    m.newPrice(), m.oldQuantity(), m.newQuantity(), m.priorityKept());
        };
    }
}
