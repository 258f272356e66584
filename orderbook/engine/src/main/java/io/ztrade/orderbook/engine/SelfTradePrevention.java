package io.ztrade.orderbook.engine;

/**
 * What a book does when an incoming order would trade with a resting order of the same account.
 * Chosen per book in {@link BookConfig}.
 */
public enum SelfTradePrevention {
    /**
     * Cancel the resting order (reason {@link CancelReason#SELF_TRADE}) and keep matching the
     * incoming order against the next one.
     */
    CANCEL_RESTING,
    /**
     * Stop the incoming order: rejected with {@link ResultCode#SELF_TRADE_PREVENTED} when its very
     * first match would be with its own account, otherwise its unfilled remainder is cancelled
     * (reason {@link CancelReason#SELF_TRADE}) when it reaches its own resting order. Resting
     * orders are never touched.
     */
    REJECT_INCOMING
}
