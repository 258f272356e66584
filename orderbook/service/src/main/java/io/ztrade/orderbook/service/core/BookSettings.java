package io.ztrade.orderbook.service.core;

import io.ztrade.orderbook.engine.BookConfig;
import io.ztrade.orderbook.engine.SelfTradePrevention;
import java.util.Objects;

/**
 * Behaviour shared by every book of the service. Part of what makes replay exact: a snapshot must be
 * replayed with the settings it was taken with.
 *
 * @param selfTradePrevention  what a book does when an order would trade with its own account
 * @param clientOrderIdWindow  how many recently used clientOrderIds a book remembers (besides those of
 *                             its resting orders) to reject a duplicate
 */
public record BookSettings(SelfTradePrevention selfTradePrevention, int clientOrderIdWindow) {

    /** Default number of remembered clientOrderIds per book. */
    public static final int DEFAULT_CLIENT_ORDER_ID_WINDOW = 100_000;

    public BookSettings {
        Objects.requireNonNull(selfTradePrevention, "selfTradePrevention");
        if (clientOrderIdWindow < 1) {
            throw new IllegalArgumentException("clientOrderIdWindow must be positive: " + clientOrderIdWindow);
        }
    }

    /** Cancel-resting self-trade prevention, the default window. */
    public static BookSettings defaults() {
        return new BookSettings(SelfTradePrevention.CANCEL_RESTING, DEFAULT_CLIENT_ORDER_ID_WINDOW);
    }

    /**
     * The engine's settings. Order ids come from record offsets and are unique by construction, so the
     * engine's own window of recent ids is not needed (and would only grow the snapshots).
     */
    BookConfig engineConfig() {
        return new BookConfig(selfTradePrevention, 0, BookConfig.DEFAULT_EXPECTED_ORDERS);
    }
}
