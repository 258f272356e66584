package io.ztrade.domain.trading;

import io.ztrade.domain.market.Instrument;
import java.time.Instant;
import java.time.LocalDate;

/**
 * When a market trades: US equities 09:30-16:00 America/New_York on NYSE trading days (13:00 on early
 * closes), crypto always.
 */
public final class MarketHours {

    private MarketHours() {}

    public static boolean isOpen(Instrument instrument, Instant at) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * The trading day {@code at} belongs to, for daily trade counts and the daily loss: the New York
     * date for equities, the UTC date for crypto.
     */
    public static LocalDate tradingDay(Instrument instrument, Instant at) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Whether NYSE is closed all day on {@code date} (a weekday holiday). */
    public static boolean isHoliday(LocalDate date) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Whether NYSE closes at 13:00 New York on {@code date}. */
    public static boolean isEarlyClose(LocalDate date) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Whether NYSE trades on {@code date} (a weekday, not a holiday). */
    public static boolean isTradingDay(LocalDate date) {
        throw new UnsupportedOperationException("not yet");
    }
}
