package io.ztrade.domain.trading;

import java.math.BigDecimal;

/**
 * One agent's account: cash, position, average cost and realised P&L, in exact decimals. Not
 * thread-safe.
 */
public final class Ledger {

    public Ledger(BigDecimal cash) {
        throw new UnsupportedOperationException("not yet");
    }

    /** A ledger continuing from stored numbers. */
    public static Ledger restore(LedgerState state) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Books one fill.
     *
     * @return false, changing nothing, when this execution id was booked before
     */
    public boolean apply(Execution execution) {
        throw new UnsupportedOperationException("not yet");
    }

    public boolean hasBooked(String executionId) {
        throw new UnsupportedOperationException("not yet");
    }

    public BigDecimal cash() {
        throw new UnsupportedOperationException("not yet");
    }

    public BigDecimal quantity() {
        throw new UnsupportedOperationException("not yet");
    }

    /** costBasis / |quantity| (34 significant digits), 0 when flat. */
    public BigDecimal averagePrice() {
        throw new UnsupportedOperationException("not yet");
    }

    public BigDecimal costBasis() {
        throw new UnsupportedOperationException("not yet");
    }

    public BigDecimal realisedPnl() {
        throw new UnsupportedOperationException("not yet");
    }

    public BigDecimal commissions() {
        throw new UnsupportedOperationException("not yet");
    }

    /** quantity * mark - costBasis. */
    public BigDecimal unrealised(BigDecimal mark) {
        throw new UnsupportedOperationException("not yet");
    }

    /** cash + quantity * mark. */
    public BigDecimal equity(BigDecimal mark) {
        throw new UnsupportedOperationException("not yet");
    }

    public LedgerState state() {
        throw new UnsupportedOperationException("not yet");
    }
}
