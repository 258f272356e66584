package io.ztrade.sentiment;

import io.ztrade.sentiment.core.LexiconScorer;
import io.ztrade.sentiment.core.SentimentScorer;
import io.ztrade.sentiment.core.SentimentSource;
import io.ztrade.sentiment.sources.EdgarSource;
import io.ztrade.sentiment.sources.JsonHttp;
import io.ztrade.sentiment.sources.NewsSource;
import io.ztrade.sentiment.sources.RedditSource;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the enabled sources and the scorer from configuration. */
public class Sources {

    /** The enabled sources, in configuration order. */
    public record Enabled(List<SentimentSource> sources) {}

    @Produces
    @Singleton
    Enabled sources(SentimentConfig config) {
        List<SentimentSource> out = new ArrayList<>();
        for (String name : config.sources()) {
            out.add(switch (name.strip()) {
                case "news" -> {
                    Map<String, String> headers = new LinkedHashMap<>();
                    config.news().keyId().ifPresent(k -> headers.put("APCA-API-KEY-ID", k));
                    config.news().secretKey().ifPresent(k -> headers.put("APCA-API-SECRET-KEY", k));
                    yield new NewsSource(config.news().url(), new JsonHttp(config.timeout(), headers, Duration.ZERO),
                            config.news().limit(), config.news().maxPages());
                }
                case "reddit" -> new RedditSource(config.reddit().url(),
                        new JsonHttp(config.timeout(), Map.of("User-Agent", config.reddit().userAgent()), Duration.ZERO),
                        config.reddit().subreddits());
                case "sec" -> new EdgarSource(config.sec().url(), new JsonHttp(config.timeout(),
                        Map.of("User-Agent", config.sec().userAgent()),
                        Duration.ofNanos(1_000_000_000L / Math.max(1, config.sec().requestsPerSecond()))), config.sec().ciks());
                default -> throw new IllegalArgumentException("ztrade.sentiment.sources: unknown source '" + name
                        + "', expected news, reddit or sec");
            });
        }
        return new Enabled(List.copyOf(out));
    }

    @Produces
    @Singleton
    SentimentScorer scorer() {
        return LexiconScorer.vader();
    }
}
