package io.ztrade.domain.backtest;

/**
 * One simulated execution.
 *
 * @param barIndex    index of the bar whose open filled it (the bar after the signal)
 * @param timeMillis  that bar's open time, epoch millis
 * @param side        buy or sell
 * @param price       fill price after slippage, on the instrument's tick grid
 * @param quantity    whole lots, in units of the instrument (e.g. shares)
 * @param commission  fixed + proportional commission paid
 * @param realizedPnl for a SELL: proceeds minus cost of the position, both sides' commissions
 *                    included; 0 for a BUY
 */
public record Fill(
        int barIndex, long timeMillis, Side side, double price, double quantity, double commission, double realizedPnl) {}
