package io.ztrade.events.payload;

import io.ztrade.events.InvalidEventException;
import io.ztrade.events.Validated;
import java.util.Set;

/**
 * Data of {@code io.ztrade.order.requested}: one command for the order book, sent on Kafka topic
 * {@code ztrade.orders} with the symbol as record key. {@code command} says which: a new order
 * ({@code PLACE}, the default), a {@code CANCEL} or an {@code AMEND} of a resting order. Prices and
 * quantities are decimal strings; whether they fit the instrument (tick, lot, band, limits) is the
 * order book's business, these checks only make sure the command is complete.
 *
 * @param command       {@code PLACE} (default), {@code CANCEL} or {@code AMEND}
 * @param orderId       the order to cancel or amend (assigned by the order book, see
 *                      {@code io.ztrade.order.accepted}); must be absent on {@code PLACE}
 * @param clientOrderId the sender's own id of the order, unique per account; on {@code CANCEL} and
 *                      {@code AMEND} it may name the order instead of {@code orderId}
 * @param accountId     the owning account; optional on {@code CANCEL}/{@code AMEND} by {@code orderId}
 *                      (when given, it must own the order)
 * @param symbol        instrument, e.g. {@code AAPL}
 * @param side          {@code BUY} or {@code SELL}
 * @param type          {@code LIMIT} or {@code MARKET}
 * @param timeInForce   {@code GTC} (default), {@code IOC} or {@code FOK} for a limit order; absent or
 *                      {@code IOC} for a market order (it never rests)
 * @param postOnly      a GTC limit order that must not trade on arrival (default false)
 * @param price         limit price; for a market order an optional protection price; on
 *                      {@code AMEND} the new price (absent: unchanged)
 * @param quantity      order quantity; on {@code AMEND} the new open quantity (absent: unchanged)
 */
public record OrderRequest(
        String command,
        String orderId,
        String clientOrderId,
        String accountId,
        String symbol,
        String side,
        String type,
        String timeInForce,
        Boolean postOnly,
        String price,
        String quantity)
        implements Validated {

    /** A new order. */
    public static final String PLACE = "PLACE";
    /** Cancel a resting order. */
    public static final String CANCEL = "CANCEL";
    /** Change the price and/or open quantity of a resting order. */
    public static final String AMEND = "AMEND";

    /** Longest accepted id, account or symbol. */
    public static final int MAX_ID_LENGTH = 64;

    private static final Set<String> SIDES = Set.of("BUY", "SELL");
    private static final Set<String> TYPES = Set.of("LIMIT", "MARKET");
    private static final Set<String> TIMES_IN_FORCE = Set.of("GTC", "IOC", "FOK");

    public OrderRequest {
        command = command == null ? PLACE : command;
    }

    /** A new limit or market order. */
    public static OrderRequest place(String clientOrderId, String accountId, String symbol, String side, String type,
            String timeInForce, boolean postOnly, String price, String quantity) {
        return new OrderRequest(PLACE, null, clientOrderId, accountId, symbol, side, type, timeInForce, postOnly,
                price, quantity);
    }

    /** Cancels the order {@code orderId} of {@code symbol}; {@code accountId} may be null. */
    public static OrderRequest cancel(String symbol, String orderId, String accountId) {
        return new OrderRequest(CANCEL, orderId, null, accountId, symbol, null, null, null, null, null, null);
    }

    /** Amends the order {@code orderId} of {@code symbol}; a null price or quantity stays as it is. */
    public static OrderRequest amend(String symbol, String orderId, String accountId, String price, String quantity) {
        return new OrderRequest(AMEND, orderId, null, accountId, symbol, null, null, null, null, price, quantity);
    }

    /** Whether the order must not trade on arrival ({@code postOnly}, false when absent). */
    public boolean postOnlyOrDefault() {
        return Boolean.TRUE.equals(postOnly);
    }

    @Override
    public void validate() {
        switch (command) {
            case PLACE -> validatePlace();
            case CANCEL -> validateTarget();
            case AMEND -> {
                validateTarget();
                if (price == null && quantity == null) {
                    throw new InvalidEventException("price", "an amend needs a new price, a new quantity or both");
                }
            }
            default -> throw new InvalidEventException("command", "must be PLACE, CANCEL or AMEND, was '" + command + "'");
        }
    }

    private void validatePlace() {
        if (orderId != null) {
            throw new InvalidEventException("orderId", "is assigned by the order book; leave it out of a new order");
        }
        id("clientOrderId", clientOrderId);
        id("accountId", accountId);
        id("symbol", symbol);
        oneOf("side", side, SIDES);
        oneOf("type", type, TYPES);
        if ("LIMIT".equals(type)) {
            Check.text("price", price);
            if (timeInForce != null) {
                oneOf("timeInForce", timeInForce, TIMES_IN_FORCE);
            }
            if (postOnlyOrDefault() && timeInForce != null && !"GTC".equals(timeInForce)) {
                throw new InvalidEventException("postOnly", "needs timeInForce GTC, was " + timeInForce);
            }
        } else {
            if (timeInForce != null && !"IOC".equals(timeInForce)) {
                throw new InvalidEventException("timeInForce", "a MARKET order never rests: leave it out or use IOC, was "
                        + timeInForce);
            }
            if (postOnlyOrDefault()) {
                throw new InvalidEventException("postOnly", "is only possible for a LIMIT GTC order");
            }
            if (price != null) {
                Check.text("price", price);
            }
        }
        Check.text("quantity", quantity);
    }

    private void validateTarget() {
        id("symbol", symbol);
        if (orderId == null && clientOrderId == null) {
            throw new InvalidEventException("orderId", "is required (or clientOrderId with accountId)");
        }
        if (orderId != null) {
            id("orderId", orderId);
        } else {
            id("clientOrderId", clientOrderId);
            if (accountId == null) {
                throw new InvalidEventException("accountId", "is required to find an order by clientOrderId");
            }
        }
        if (accountId != null) {
            id("accountId", accountId);
        }
        for (String[] unused : new String[][] {{"side", side}, {"type", type}, {"timeInForce", timeInForce}}) {
            if (unused[1] != null) {
                throw new InvalidEventException(unused[0], "is not allowed on " + command);
            }
        }
        if (postOnlyOrDefault()) {
            throw new InvalidEventException("postOnly", "is not allowed on " + command);
        }
        if (CANCEL.equals(command) && (price != null || quantity != null)) {
            throw new InvalidEventException(price != null ? "price" : "quantity", "is not allowed on CANCEL");
        }
    }

    private static void id(String field, String value) {
        Check.text(field, value);
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidEventException(field, "must be at most " + MAX_ID_LENGTH + " characters, was " + value.length());
        }
    }

    private static void oneOf(String field, String value, Set<String> allowed) {
        Check.text(field, value);
        if (!allowed.contains(value)) {
            throw new InvalidEventException(field, "must be one of " + String.join(", ", allowed.stream().sorted().toList())
                    + ", was '" + value + "'");
        }
    }
}
