package io.ztrade.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ztrade.domain.market.Instruments;
import io.ztrade.domain.market.Timeframe;
import io.ztrade.events.InvalidEventException;
import io.ztrade.events.payload.MarketDataFetchRequested;
import io.ztrade.marketdata.core.FetchRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FetchRequestTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    static String fieldOf(MarketDataFetchRequested r) {
        try {
            FetchRequest.of(r, NOW, 100);
        } catch (InvalidEventException e) {
            return e.field();
        }
        throw new AssertionError("accepted " + r);
    }

    @Test
    void shouldDefaultSinceToTheLookBackAndDropDuplicateSymbols() {
        FetchRequest r = FetchRequest.of(new MarketDataFetchRequested(List.of("AAPL", "BTC-USD", "AAPL"), "5Min"), NOW, 100);
        assertThat(r.instruments()).containsExactly(Instruments.AAPL, Instruments.BTC_USD);
        assertThat(r.timeframe()).isEqualTo(Timeframe.MIN_5);
        assertThat(r.since()).isEqualTo(Instant.parse("2026-06-01T03:40:00Z"));
    }

    @Test
    void shouldNameTheFieldOfEachBadInput() {
        assertThat(fieldOf(new MarketDataFetchRequested(List.of(), "5Min"))).isEqualTo("symbols");
        assertThat(fieldOf(new MarketDataFetchRequested(null, "5Min"))).isEqualTo("symbols");
        assertThat(fieldOf(new MarketDataFetchRequested(List.of("AAPL", "NOPE"), "5Min"))).isEqualTo("symbols[1]");
        assertThat(fieldOf(new MarketDataFetchRequested(List.of("AAPL"), "7Min"))).isEqualTo("timeframe");
        assertThat(fieldOf(new MarketDataFetchRequested(List.of("AAPL"), "5Min", NOW.plusSeconds(1)))).isEqualTo("since");
    }

    @Test
    void shouldAcceptASinceOfNow() {
        assertThat(FetchRequest.of(new MarketDataFetchRequested(List.of("ETH-USD"), "1Min", NOW), NOW, 100).since()).isEqualTo(NOW);
    }

    @Test
    void shouldSayWhichSymbolsAreKnown() {
        assertThatThrownBy(() -> FetchRequest.of(new MarketDataFetchRequested(List.of("NOPE"), "5Min"), NOW, 1))
                .hasMessageContaining("NOPE").hasMessageContaining("AAPL");
    }
}
