package io.ztrade.domain.trading;

import java.math.BigDecimal;

/**
 * A {@link Ledger}'s numbers, to store and restore.
 *
 * @param cash        cash
 * @param quantity    position (negative when short)
 * @param costBasis   what the position cost in cash, buy commissions included (negative when short: cash received)
 * @param realisedPnl realised profit and loss of closed quantity, all commissions included
 * @param commissions commissions paid
 */
public record LedgerState(BigDecimal cash, BigDecimal quantity, BigDecimal costBasis, BigDecimal realisedPnl,
        BigDecimal commissions) {}
