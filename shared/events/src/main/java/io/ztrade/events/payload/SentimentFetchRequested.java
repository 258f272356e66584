package io.ztrade.events.payload;

import io.ztrade.events.Validated;
import java.util.List;

/** Data of {@code io.ztrade.sentiment.fetch.requested}: the symbols whose news to score. */
public record SentimentFetchRequested(List<String> symbols) implements Validated {
    @Override
    public void validate() {
        Check.notEmpty("symbols", symbols);
    }
}
