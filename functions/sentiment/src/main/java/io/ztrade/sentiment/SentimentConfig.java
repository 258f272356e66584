package io.ztrade.sentiment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings of the sentiment fetcher. */
@ConfigMapping(prefix = "ztrade.sentiment")
public interface SentimentConfig {

    /** Sources asked, by name: news, reddit, sec. */
    @WithDefault("news,reddit,sec")
    List<String> sources();

    /** Weight per source name; {@code extra} is the fourth slot, for a later source. */
    Map<String, Double> weights();

    /** Items looked at: published within this window before the fetch. */
    @WithDefault("PT24H")
    Duration window();

    /** From this many items on, the item count no longer lowers the confidence. */
    @WithDefault("10")
    int fullConfidenceItems();

    /** Timeout of one source request. */
    @WithDefault("10s")
    Duration timeout();

    News news();

    Reddit reddit();

    Sec sec();

    interface News {
        /** Base URL of the Alpaca-compatible news API. */
        @WithDefault("https://data.alpaca.markets")
        URI url();

        /** {@code APCA-API-KEY-ID}, from a Kubernetes Secret. Never logged. */
        Optional<String> keyId();

        /** {@code APCA-API-SECRET-KEY}, from a Kubernetes Secret. Never logged. */
        Optional<String> secretKey();

        @WithDefault("50")
        int limit();

        @WithDefault("5")
        int maxPages();
    }

    interface Reddit {
        @WithDefault("https://www.reddit.com")
        URI url();

        @WithDefault("wallstreetbets,stocks,investing")
        List<String> subreddits();

        @WithDefault("ztrade-sentiment/0.1 (trading research)")
        String userAgent();
    }

    interface Sec {
        @WithDefault("https://data.sec.gov")
        URI url();

        /** The descriptive User-Agent the SEC requires: a name and a contact address. */
        @WithDefault("Ztrade sentiment fetcher admin@ztrade.invalid")
        String userAgent();

        /** The SEC's fair-access limit. */
        @WithDefault("10")
        int requestsPerSecond();

        /** CIK per symbol. */
        Map<String, String> ciks();
    }
}
