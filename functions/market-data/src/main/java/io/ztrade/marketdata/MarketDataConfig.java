package io.ztrade.marketdata;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Settings of the market-data fetcher. */
@ConfigMapping(prefix = "ztrade.marketdata")
public interface MarketDataConfig {

    /** {@code auto} (Alpaca when a key is configured, else replay), {@code alpaca} or {@code replay}. */
    @WithDefault("auto")
    String provider();

    /** Bars fetched when a request names no {@code since}. */
    @WithDefault("100")
    int lookBack();

    /** Newest bars per symbol and timeframe kept in Redis ({@code ztrade:bars:{symbol}:{timeframe}}). */
    @WithDefault("200")
    int cacheBars();

    /** The Alpaca-compatible REST provider. */
    Alpaca alpaca();

    /** The replay of the shipped historical data. */
    Replay replay();

    interface Alpaca {
        /** Base URL of the market-data API. */
        @WithDefault("https://data.alpaca.markets")
        URI url();

        /** {@code APCA-API-KEY-ID}; from a Kubernetes Secret (ALPACA_API_KEY_ID). Never logged. */
        Optional<String> keyId();

        /** {@code APCA-API-SECRET-KEY}; from a Kubernetes Secret (ALPACA_API_SECRET_KEY). Never logged. */
        Optional<String> secretKey();

        /** TCP connect timeout. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Timeout waiting for an answer. */
        @WithDefault("20s")
        Duration readTimeout();

        /** Bars per page ({@code limit}, at most 10000). */
        @WithDefault("10000")
        int pageLimit();

        /** Pages one fetch follows at most. */
        @WithDefault("50")
        int maxPages();

        /** Attempts per page in all, for 429, 5xx and timeouts. */
        @WithDefault("4")
        int maxAttempts();

        /** Wait before the first retry; doubled per retry. */
        @WithDefault("500ms")
        Duration backoff();

        /** The longest single wait; a Retry-After beyond it gives up. */
        @WithDefault("30s")
        Duration maxBackoff();
    }

    interface Replay {
        /** Replayed seconds per wall second. */
        @WithDefault("1")
        double speed();

        /** Where replayed time meets wall time; the first slot of every timeline. */
        @WithDefault("2026-01-01T00:00:00Z")
        Instant anchor();

        /** Index of the dataset bar the first slot plays. */
        @WithDefault("0")
        int start();

        /** Wrap round at the end of a dataset. */
        @WithDefault("true")
        boolean loop();
    }
}
