package io.ztrade.events.payload;

import io.ztrade.events.Validated;
import java.time.Instant;
import java.util.List;

/**
 * Data of {@code io.ztrade.marketdata.fetch.requested} (usually a PingSource's {@code data}).
 *
 * @param symbols   instruments to fetch
 * @param timeframe bar timeframe id
 * @param since     fetch bars opening at or after this time; null for the fetcher's default look-back
 */
public record MarketDataFetchRequested(List<String> symbols, String timeframe, Instant since) implements Validated {

    public MarketDataFetchRequested(List<String> symbols, String timeframe) {
        this(symbols, timeframe, null);
    }

    @Override
    public void validate() {
        Check.notEmpty("symbols", symbols);
        Check.timeframe("timeframe", timeframe);
    }
}
