package io.ztrade.events.payload;

import io.ztrade.events.Validated;
import java.time.Instant;
import java.util.List;

/**
 * Data of {@code io.ztrade.sentiment.scored}.
 *
 * @param symbol         instrument
 * @param score          sentiment in [-1, 1]: the weighted mean of the sources' mean item scores
 * @param confidence     confidence of the score in [0, 1]: lower when sources are missing or items few
 * @param agreement      share of scored items whose sign agrees with the score's, in [0, 1]
 * @param sources        per-source breakdown (the sources that answered)
 * @param itemCount      items scored, all sources together
 * @param missingSources enabled sources that failed or could not be reached; never a failure of the job
 * @param asOf           time the score refers to
 */
public record SentimentScored(String symbol, double score, double confidence, double agreement, List<SourceScore> sources,
        int itemCount, List<String> missingSources, Instant asOf) implements Validated {

    /**
     * One source's part.
     *
     * @param source name ({@code news}, {@code reddit}, {@code sec})
     * @param score  mean item score in [-1, 1] (0 without items)
     * @param items  items scored from it
     * @param weight its configured weight
     */
    public record SourceScore(String source, double score, int items, double weight) {}

    @Override
    public void validate() {
        Check.text("symbol", symbol);
        Check.range("score", score, -1, 1);
        Check.range("confidence", confidence, 0, 1);
        Check.range("agreement", agreement, 0, 1);
        Check.present("sources", sources);
        Check.present("missingSources", missingSources);
        Check.present("asOf", asOf);
    }
}
