package io.ztrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ztrade.events.EventCodec;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.events.payload.MarketDataFetchFailed;
import io.ztrade.events.payload.MarketDataFetchRequested;
import io.ztrade.events.payload.MarketDataUpdated;
import io.ztrade.events.payload.SentimentFetchRequested;
import io.ztrade.events.payload.SentimentScored;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FetcherCommandsTest {

    private FakePlatform platform;

    @BeforeEach
    void start() throws IOException {
        platform = new FakePlatform();
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void fetchBarsEmitsOneRequestPerSymbolAndPrintsTheNewestBars() {
        platform.api(r -> {
            FakePlatform.Request last = platform.posts().get(platform.posts().size() - 1);
            String id = last.headers().get("ce-id");
            MarketDataFetchRequested req = EventCodec.decode(last.body(), MarketDataFetchRequested.class);
            String symbol = req.symbols().get(0);
            ObjectNode event = FakePlatform.event(1, id, EventSources.CLI, EventTypes.MARKETDATA_FETCH_REQUESTED, req, "delivered");
            Object data = symbol.equals("DOGE")
                    ? new MarketDataFetchFailed(req.symbols(), req.timeframe(), "symbols[0]", MarketDataFetchFailed.INVALID_REQUEST,
                            "unknown symbol 'DOGE'")
                    : new MarketDataUpdated(symbol, req.timeframe(), 12, Instant.parse("2026-12-03T14:30:00Z"), new BigDecimal("190.25"));
            String type = symbol.equals("DOGE") ? EventTypes.MARKETDATA_FETCH_FAILED : EventTypes.MARKETDATA_UPDATED;
            ObjectNode reply = FakePlatform.event(2, "reply-" + id, EventSources.MARKETDATA_FUNCTION, type, data, "delivered");
            return FakePlatform.Response.json(200, FakePlatform.withReplies(event, reply));
        });
        Run ok = Run.of("fetch", "bars", "--broker", platform.broker().toString(), "--symbols", "AAPL,BTC-USD", "--timeframe", "15Min");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(platform.posts()).hasSize(2);
        assertThat(platform.posts()).extracting(p -> p.headers().get("ce-type")).containsOnly(EventTypes.MARKETDATA_FETCH_REQUESTED);
        assertThat(EventCodec.decode(platform.posts().get(1).body(), MarketDataFetchRequested.class))
                .isEqualTo(new MarketDataFetchRequested(List.of("BTC-USD"), "15Min"));
        assertThat(ok.out()).contains("AAPL", "BTC-USD", "15Min", "2026-12-03T14:30:00Z", "190.25");

        Run failed = Run.of("fetch", "bars", "--broker", platform.broker().toString(), "--symbols", "DOGE");
        assertThat(failed.exitCode()).isEqualTo(CliException.FAILED);
        assertThat(failed.err()).contains("INVALID_REQUEST", "symbols[0]", "unknown symbol 'DOGE'");
    }

    @Test
    void fetchBarsRejectsABadTimeframeBeforeSendingAnything() {
        Run run = Run.of("fetch", "bars", "--broker", platform.broker().toString(), "--symbols", "AAPL", "--timeframe", "7Min");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--timeframe");
        assertThat(platform.posts()).isEmpty();
    }

    @Test
    void sentimentPrintsTheScoreAndTheBreakdown() {
        platform.api(r -> {
            FakePlatform.Request last = platform.posts().get(0);
            String id = last.headers().get("ce-id");
            SentimentFetchRequested req = EventCodec.decode(last.body(), SentimentFetchRequested.class);
            ObjectNode event = FakePlatform.event(1, id, EventSources.CLI, EventTypes.SENTIMENT_FETCH_REQUESTED, req, "delivered");
            SentimentScored s = new SentimentScored("ETH-USD", 0.3125, 0.72, 0.8, List.of(
                    new SentimentScored.SourceScore("news", 0.4, 3, 0.4), new SentimentScored.SourceScore("sec", 0, 0, 0.25)),
                    3, List.of("reddit"), Instant.parse("2026-12-03T14:45:00Z"));
            ObjectNode reply = FakePlatform.event(2, "reply-" + id, EventSources.SENTIMENT_FUNCTION, EventTypes.SENTIMENT_SCORED, s,
                    "delivered");
            return FakePlatform.Response.json(200, FakePlatform.withReplies(event, reply));
        });
        Run run = Run.of("sentiment", "--broker", platform.broker().toString(), "--symbol", "ETH-USD");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(EventCodec.decode(platform.posts().get(0).body(), SentimentFetchRequested.class).symbols()).containsExactly("ETH-USD");
        assertThat(run.out()).contains("ETH-USD: score 0.31", "missing sources: reddit", "news", "sec");
    }
}
