package io.ztrade.events.payload;

import io.ztrade.events.Validated;
import java.time.Instant;

/**
 * Data of {@code io.ztrade.sentiment.scored}.
 *
 * @param symbol     instrument
 * @param score      sentiment in [-1, 1]
 * @param confidence confidence of the score in [0, 1]
 * @param articles   articles scored
 * @param asOf       time the score refers to
 */
public record SentimentScored(String symbol, double score, double confidence, int articles, Instant asOf)
        implements Validated {
    @Override
    public void validate() {
        Check.text("symbol", symbol);
        Check.range("score", score, -1, 1);
        Check.range("confidence", confidence, 0, 1);
        Check.present("asOf", asOf);
    }
}
