package io.ztrade.events.payload;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Data of {@code io.ztrade.marketdata.updated}.
 *
 * @param symbol     instrument
 * @param timeframe  bar timeframe id
 * @param count       bars newly stored by this fetch (0 when a rerun of the same window found nothing new)
 * @param lastBarTime open time of the newest stored bar (null when none is stored)
 * @param lastClose   close of the newest stored bar (null when none is stored)
 */
public record MarketDataUpdated(String symbol, String timeframe, int count, Instant lastBarTime, BigDecimal lastClose) {}
