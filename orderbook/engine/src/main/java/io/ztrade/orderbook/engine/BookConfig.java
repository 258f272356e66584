package io.ztrade.orderbook.engine;

import java.util.Objects;

/**
 * Per-book behaviour that is not an instrument rule.
 *
 * @param selfTradePrevention what to do when an order would trade with its own account
 * @param duplicateWindow     how many recently accepted order ids are remembered (besides every
 *                            resting id) to reject a reused id; {@code 0} remembers resting ids only
 * @param expectedOrders      resting orders to pre-allocate room for (a sizing hint, not a limit)
 */
public record BookConfig(SelfTradePrevention selfTradePrevention, int duplicateWindow, int expectedOrders) {

    /** Default number of recently accepted order ids remembered for duplicate detection. */
    public static final int DEFAULT_DUPLICATE_WINDOW = 1 << 16;

    /** Default pre-allocation hint. */
    public static final int DEFAULT_EXPECTED_ORDERS = 1 << 12;

    /** Checks the values. */
    public BookConfig {
        Objects.requireNonNull(selfTradePrevention, "selfTradePrevention");
        if (duplicateWindow < 0 || duplicateWindow > (1 << 26)) {
            throw new IllegalArgumentException("duplicateWindow must be in [0, 2^26]: " + duplicateWindow);
        }
        if (expectedOrders < 0 || expectedOrders > (1 << 26)) {
            throw new IllegalArgumentException("expectedOrders must be in [0, 2^26]: " + expectedOrders);
        }
    }

    /** Cancel-resting self-trade prevention, default window and sizing. */
    public static BookConfig defaults() {
        return new BookConfig(SelfTradePrevention.CANCEL_RESTING, DEFAULT_DUPLICATE_WINDOW, DEFAULT_EXPECTED_ORDERS);
    }

    /** The defaults with another self-trade prevention mode. */
    public static BookConfig of(SelfTradePrevention selfTradePrevention) {
        return new BookConfig(selfTradePrevention, DEFAULT_DUPLICATE_WINDOW, DEFAULT_EXPECTED_ORDERS);
    }
}
