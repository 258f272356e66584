package io.ztrade.events.payload;

import java.util.List;

/**
 * Data of {@code io.ztrade.marketdata.fetch.failed}: the fetch did not run to the end and stored nothing.
 *
 * @param symbols   the symbols asked for, as given (may be null when the request had none)
 * @param timeframe the timeframe asked for, as given
 * @param field     the request field at fault ({@code symbols}, {@code symbols[1]}, {@code timeframe},
 *                  {@code since}), or null when the provider failed
 * @param code      machine-readable reason: {@link #INVALID_REQUEST}, {@link #PROVIDER_FAILED}
 * @param reason    a sentence for people
 */
public record MarketDataFetchFailed(List<String> symbols, String timeframe, String field, String code, String reason) {

    /** The request is not one the fetcher can run; {@code field} names what is wrong. */
    public static final String INVALID_REQUEST = "INVALID_REQUEST";
    /** The provider kept failing (after the retries) or answered something that is not bars. */
    public static final String PROVIDER_FAILED = "PROVIDER_FAILED";
}
