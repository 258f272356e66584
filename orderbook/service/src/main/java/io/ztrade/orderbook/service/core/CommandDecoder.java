package io.ztrade.orderbook.service.core;

import io.ztrade.events.InvalidEventException;
import io.ztrade.events.payload.OrderRequest;
import io.ztrade.orderbook.engine.Conversion;
import io.ztrade.orderbook.engine.InstrumentSpec;
import io.ztrade.orderbook.engine.OrderType;
import io.ztrade.orderbook.engine.ResultCode;
import io.ztrade.orderbook.engine.Side;
import io.ztrade.orderbook.engine.TimeInForce;

/**
 * Turns an {@link OrderRequest} into a {@link Command}, or says which field is wrong. Stateless: the
 * REST adapter runs it before anything is recorded, the sequencer runs it again on every record.
 */
public final class CommandDecoder {

    private final Instruments instruments;

    public CommandDecoder(Instruments instruments) {
        this.instruments = instruments;
    }

    /** The outcome: exactly one of {@code command} and {@code reject} is set. */
    public record Decoding(Command command, Reject reject) {

        static Decoding ok(Command command) {
            return new Decoding(command, null);
        }

        static Decoding refused(Reject reject) {
            return new Decoding(null, reject);
        }

        public boolean ok() {
            return reject == null;
        }
    }

    /** Checks and converts one request. */
    public Decoding decode(OrderRequest request) {
        try {
            request.validate();
        } catch (InvalidEventException e) {
            return Decoding.refused(new Reject(Reject.INVALID_REQUEST, e.field(), e.reason()));
        }
        InstrumentSpec spec = instruments.find(request.symbol());
        if (spec == null) {
            return Decoding.refused(unknownSymbol(request.symbol()));
        }
        return switch (request.command()) {
            case OrderRequest.PLACE -> place(request, spec);
            case OrderRequest.CANCEL -> cancel(request);
            default -> amend(request, spec);
        };
    }

    /** The reject for a symbol that is not traded here. */
    public Reject unknownSymbol(String symbol) {
        return new Reject(Reject.UNKNOWN_SYMBOL, "symbol",
                "'" + symbol + "' is not traded here (instruments: " + String.join(", ", instruments.symbols()) + ")");
    }

    private Decoding place(OrderRequest r, InstrumentSpec spec) {
        Side side = Side.valueOf(r.side());
        OrderType type = OrderType.valueOf(r.type());
        TimeInForce tif = type == OrderType.MARKET ? TimeInForce.IOC
                : r.timeInForce() == null ? TimeInForce.GTC : TimeInForce.valueOf(r.timeInForce());
        long price = 0;
        if (r.price() != null) {
            Conversion c = spec.priceToTicks(r.price());
            if (!c.ok()) {
                return Decoding.refused(numberReject(c.code(), "price", r.price(), spec));
            }
            price = c.value();
            if (type == OrderType.LIMIT && !spec.inBand(price)) {
                return Decoding.refused(outsideBand(r.price(), spec));
            }
        }
        Conversion q = spec.quantityToLots(r.quantity());
        if (!q.ok()) {
            return Decoding.refused(numberReject(q.code(), "quantity", r.quantity(), spec));
        }
        Reject limits = quantityLimits(q.value(), r.quantity(), spec);
        if (limits != null) {
            return Decoding.refused(limits);
        }
        return Decoding.ok(new Command.Place(spec.symbol(), r.clientOrderId(), r.accountId(), side, type, tif,
                r.postOnlyOrDefault(), price, q.value()));
    }

    private Decoding cancel(OrderRequest r) {
        long orderId = 0;
        if (r.orderId() != null) {
            orderId = parseOrderId(r.orderId());
            if (orderId <= 0) {
                return Decoding.refused(badOrderId(r.orderId()));
            }
        }
        return Decoding.ok(new Command.Cancel(r.symbol(), orderId, orderId > 0 ? null : r.clientOrderId(), r.accountId()));
    }

    private Decoding amend(OrderRequest r, InstrumentSpec spec) {
        long orderId = 0;
        if (r.orderId() != null) {
            orderId = parseOrderId(r.orderId());
            if (orderId <= 0) {
                return Decoding.refused(badOrderId(r.orderId()));
            }
        }
        long price = 0;
        if (r.price() != null) {
            Conversion c = spec.priceToTicks(r.price());
            if (!c.ok()) {
                return Decoding.refused(numberReject(c.code(), "price", r.price(), spec));
            }
            if (!spec.inBand(c.value())) {
                return Decoding.refused(outsideBand(r.price(), spec));
            }
            price = c.value();
        }
        long quantity = 0;
        if (r.quantity() != null) {
            Conversion c = spec.quantityToLots(r.quantity());
            if (!c.ok()) {
                return Decoding.refused(numberReject(c.code(), "quantity", r.quantity(), spec));
            }
            if (c.value() > spec.maxQty()) {
                return Decoding.refused(Reject.of(ResultCode.QUANTITY_ABOVE_MAX, "quantity", r.quantity()
                        + " is above the maximum " + plain(spec.lotsToQuantity(spec.maxQty())) + " of " + spec.symbol()));
            }
            quantity = c.value();
        }
        return Decoding.ok(new Command.Amend(r.symbol(), orderId, orderId > 0 ? null : r.clientOrderId(), r.accountId(),
                price, quantity));
    }

    /** A positive decimal order id, or {@code -1}. */
    public static long parseOrderId(String text) {
        if (text == null || text.isEmpty() || text.length() > 19) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        try {
            long id = Long.parseLong(text);
            return id > 0 ? id : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static Reject badOrderId(String text) {
        return Reject.of(ResultCode.INVALID_ORDER_ID, "orderId", "must be a positive integer, was '" + text + "'");
    }

    static Reject quantityLimits(long lots, String text, InstrumentSpec spec) {
        if (lots < spec.minQty()) {
            return Reject.of(ResultCode.QUANTITY_BELOW_MIN, "quantity", text + " is below the minimum "
                    + plain(spec.lotsToQuantity(spec.minQty())) + " of " + spec.symbol());
        }
        if (lots > spec.maxQty()) {
            return Reject.of(ResultCode.QUANTITY_ABOVE_MAX, "quantity", text + " is above the maximum "
                    + plain(spec.lotsToQuantity(spec.maxQty())) + " of " + spec.symbol());
        }
        return null;
    }

    static Reject outsideBand(String price, InstrumentSpec spec) {
        return Reject.of(ResultCode.PRICE_OUTSIDE_BAND, "price", price + " is outside the price band "
                + plain(spec.ticksToPrice(spec.minPrice())) + " to " + plain(spec.ticksToPrice(spec.maxPrice()))
                + " of " + spec.symbol());
    }

    static Reject numberReject(ResultCode code, String field, String text, InstrumentSpec spec) {
        String message = switch (code) {
            case MALFORMED_NUMBER -> "'" + abbreviate(text) + "' is not a plain decimal number";
            case INVALID_PRICE, INVALID_QUANTITY -> "must be positive, was " + text;
            case PRICE_OFF_TICK -> text + " is not a multiple of the tick size " + plain(spec.tickSize()) + " of "
                    + spec.symbol();
            case QUANTITY_OFF_LOT -> text + " is not a multiple of the lot size " + plain(spec.lotSize()) + " of "
                    + spec.symbol();
            case NUMBER_TOO_LARGE -> abbreviate(text) + " is too large";
            default -> "is not acceptable (" + code + ")";
        };
        return Reject.of(code, field, message);
    }

    static String plain(java.math.BigDecimal value) {
        return value.toPlainString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
