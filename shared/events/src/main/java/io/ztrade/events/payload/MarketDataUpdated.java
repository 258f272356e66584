package io.ztrade.events.payload;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Data of {@code io.ztrade.marketdata.updated}.
 *
 * @param symbol     instrument
 * @param timeframe  bar timeframe id
 * @param stored     bars newly stored by this fetch
 * @param latestTime open time of the newest bar
 * @param latestClose close of the newest bar
 */
public record MarketDataUpdated(String symbol, String timeframe, int stored, Instant latestTime, BigDecimal latestClose) {}
