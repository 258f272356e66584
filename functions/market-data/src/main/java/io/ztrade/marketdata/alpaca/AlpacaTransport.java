package io.ztrade.marketdata.alpaca;

import io.ztrade.marketdata.core.HttpReply;

/**
 * One GET of Alpaca's market-data bars endpoints. Implemented with the Quarkus REST client; a
 * transport failure (connect or read timeout, connection refused) is thrown as
 * {@link java.io.UncheckedIOException} or any {@link RuntimeException} and retried like a 5xx.
 */
public interface AlpacaTransport {

    /**
     * @param crypto    {@code /v1beta3/crypto/us/bars} when true, else {@code /v2/stocks/bars}
     * @param symbol    the provider's symbol ({@code AAPL}, {@code BTC/USD})
     * @param timeframe {@code 1Min} ... {@code 1Day}
     * @param start     RFC-3339 start
     * @param limit     bars per page, at most 10,000
     * @param pageToken {@code next_page_token} of the previous page, or null
     */
    HttpReply bars(boolean crypto, String symbol, String timeframe, String start, int limit, String pageToken);
}
