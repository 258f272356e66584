package io.ztrade.sentiment;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * One WireMock server standing in for all three sources (news, Reddit, SEC EDGAR) on their real
 * paths; the tests stub it per case. Points the function's source URLs at it, with a short timeout.
 */
public class StubSources implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String url = server.baseUrl();
        return Map.of("ztrade.sentiment.news.url", url, "ztrade.sentiment.reddit.url", url, "ztrade.sentiment.sec.url", url,
                "ztrade.sentiment.timeout", "1s", "ztrade.sentiment.news.key-id", "news-key-1",
                "ztrade.sentiment.news.secret-key", "news-secret-1", "ztrade.sentiment.reddit.subreddits", "stocks,investing");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
