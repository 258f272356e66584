package io.ztrade.events.payload;

import io.ztrade.events.Validated;
import java.util.List;

/**
 * Data of {@code io.ztrade.marketdata.fetch.requested} (usually a PingSource's {@code data}).
 *
 * @param symbols   instruments to fetch
 * @param timeframe bar timeframe id
 */
public record MarketDataFetchRequested(List<String> symbols, String timeframe) implements Validated {
    @Override
    public void validate() {
        Check.notEmpty("symbols", symbols);
        Check.timeframe("timeframe", timeframe);
    }
}
