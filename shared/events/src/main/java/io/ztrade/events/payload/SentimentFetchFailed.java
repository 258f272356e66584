package io.ztrade.events.payload;

import java.util.List;

/**
 * Data of {@code io.ztrade.sentiment.fetch.failed}: the request could not run and stored nothing.
 * (A failing source is not a failure: {@code sentiment.scored} names it among its missing sources.)
 *
 * @param symbols the symbols asked for, as given (may be null)
 * @param field   the request field at fault, e.g. {@code symbols[0]}
 * @param code    machine-readable reason, {@link #INVALID_REQUEST}
 * @param reason  a sentence for people
 */
public record SentimentFetchFailed(List<String> symbols, String field, String code, String reason) {

    /** The request is not one the fetcher can run; {@code field} names what is wrong. */
    public static final String INVALID_REQUEST = "INVALID_REQUEST";
}
