package io.ztrade.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ztrade.events.payload.SentimentScored;
import io.ztrade.sentiment.core.Aggregation;
import io.ztrade.sentiment.core.Aggregation.SourceResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregationTest {

    static final Instant AS_OF = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void shouldWeightTheSourcesMeans() {
        SentimentScored s = Aggregation.aggregate("AAPL", List.of(
                new SourceResult("news", 0.40, List.of(0.5, 0.7), false),
                new SourceResult("reddit", 0.25, List.of(-0.2), false),
                new SourceResult("sec", 0.25, List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0), false)), 10, AS_OF);
        assertThat(s.score()).isCloseTo((0.40 * 0.6 + 0.25 * -0.2 + 0.25 * 0.0) / 0.90, within(1e-9));
        assertThat(s.itemCount()).isEqualTo(10);
        assertThat(s.confidence()).isCloseTo(1.0, within(1e-9));
        assertThat(s.agreement()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(s.missingSources()).isEmpty();
        assertThat(s.sources()).extracting(SentimentScored.SourceScore::source).containsExactly("news", "reddit", "sec");
        s.validate();
    }

    @Test
    void shouldNameAMissingSourceAndLowerTheConfidenceByItsWeight() {
        SentimentScored s = Aggregation.aggregate("AAPL", List.of(
                new SourceResult("news", 0.40, List.of(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5), false),
                new SourceResult("reddit", 0.25, List.of(), true),
                new SourceResult("sec", 0.25, List.of(), false)), 10, AS_OF);
        assertThat(s.missingSources()).containsExactly("reddit");
        assertThat(s.score()).isCloseTo(0.5, within(1e-9));
        assertThat(s.confidence()).isCloseTo(0.65 / 0.90, within(1e-9));
    }

    @Test
    void shouldLowerTheConfidenceForFewItemsAndBeNeutralWithoutAny() {
        SentimentScored few = Aggregation.aggregate("AAPL", List.of(new SourceResult("news", 0.4, List.of(0.8), false)), 10, AS_OF);
        assertThat(few.confidence()).isCloseTo(0.1, within(1e-9));
        SentimentScored none = Aggregation.aggregate("AAPL", List.of(new SourceResult("news", 0.4, List.of(), true)), 10, AS_OF);
        assertThat(none.score()).isZero();
        assertThat(none.confidence()).isZero();
        none.validate();
    }
}
