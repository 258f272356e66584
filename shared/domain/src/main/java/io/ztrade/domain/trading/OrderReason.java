package io.ztrade.domain.trading;

/** Why an order is placed; part of its {@link ClientOrderIds client order id}. */
public enum OrderReason {
    /** The strategy's BUY or SELL. */
    SIGNAL("sig"),
    /** The close fell to the stop-loss price of the open position. */
    STOP_LOSS("sl"),
    /** The close reached the take-profit price of the open position. */
    TAKE_PROFIT("tp"),
    /** A market maker's bid. */
    QUOTE_BID("bid"),
    /** A market maker's ask. */
    QUOTE_ASK("ask");

    private final String code;

    OrderReason(String code) {
        this.code = code;
    }

    /** The short code used in client order ids. */
    public String code() {
        return code;
    }
}
