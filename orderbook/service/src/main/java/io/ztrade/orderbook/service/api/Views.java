package io.ztrade.orderbook.service.api;

import io.ztrade.orderbook.engine.InstrumentSpec;
import io.ztrade.orderbook.engine.L2Depth;
import io.ztrade.orderbook.service.core.OrderResult;
import io.ztrade.orderbook.service.core.SymbolBook;
import java.util.List;

/** The JSON shapes of the REST API. Prices and quantities are decimal strings. */
public final class Views {

    private Views() {}

    /**
     * {@code POST /api/v1/orders}, {@code DELETE} and {@code PATCH /api/v1/orders/{symbol}/{orderId}}.
     */
    public record OrderResponse(String orderId, String clientOrderId, String status, String filledQuantity,
            String remainingQuantity, List<OrderResult.Fill> fills, String rejectReason) {

        static OrderResponse of(OrderResult r) {
            return new OrderResponse(r.orderId(), r.clientOrderId(), r.status(), r.filledQuantity(),
                    r.remainingQuantity(), r.fills(), r.rejectReason());
        }
    }

    /** {@code GET /api/v1/books/{symbol}}: best price first on each side. */
    public record BookResponse(String symbol, long sequence, List<Level> bids, List<Level> asks) {

        static BookResponse of(InstrumentSpec spec, SymbolBook book, int depth) {
            if (book == null) {
                return new BookResponse(spec.symbol(), 0, List.of(), List.of());
            }
            L2Depth d = book.depth(depth);
            return new BookResponse(spec.symbol(), book.sequence(), levels(spec, d.bids()), levels(spec, d.asks()));
        }

        private static List<Level> levels(InstrumentSpec spec, List<L2Depth.Level> levels) {
            return levels.stream().map(l -> new Level(spec.ticksToPrice(l.price()).toPlainString(),
                    spec.lotsToQuantity(l.quantity()).toPlainString(), l.orders())).toList();
        }
    }

    /** One price level: total open quantity and number of orders. */
    public record Level(String price, String quantity, int orders) {
    }

    /** {@code GET /api/v1/instruments}. */
    public record InstrumentView(String symbol, String tickSize, String lotSize, String minQuantity,
            String maxQuantity, String referencePrice, String minPrice, String maxPrice) {

        static InstrumentView of(InstrumentSpec s) {
            return new InstrumentView(s.symbol(), s.tickSize().toPlainString(), s.lotSize().toPlainString(),
                    s.lotsToQuantity(s.minQty()).toPlainString(), s.lotsToQuantity(s.maxQty()).toPlainString(),
                    s.ticksToPrice(s.referencePrice()).toPlainString(), s.ticksToPrice(s.minPrice()).toPlainString(),
                    s.ticksToPrice(s.maxPrice()).toPlainString());
        }
    }

    /** Errors that are not about an order: authentication, availability, query parameters. */
    public record ErrorResponse(String error, String field, String message) {
    }

    /** Body of {@code PATCH /api/v1/orders/{symbol}/{orderId}}. */
    public record AmendBody(String price, String quantity) {
    }
}
