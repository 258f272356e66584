package io.ztrade.sentiment.sources;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztrade.domain.market.AssetClass;
import io.ztrade.domain.market.Instrument;
import io.ztrade.sentiment.core.Item;
import io.ztrade.sentiment.core.SentimentSource;
import io.ztrade.sentiment.core.SourceException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Alpaca-compatible news: {@code GET /v1beta1/news?symbols=&start=&limit=&include_content=false&page_token=},
 * answering {@code {"news":[{id, headline, author, created_at, updated_at, summary, content, url,
 * symbols[], source}], "next_page_token"}}. Pages are followed up to {@code maxPages}.
 */
public final class NewsSource implements SentimentSource {

    private final URI base;
    private final JsonHttp http;
    private final int limit;
    private final int maxPages;

    public NewsSource(URI base, JsonHttp http, int limit, int maxPages) {
        this.base = base;
        this.http = http;
        this.limit = limit;
        this.maxPages = maxPages;
    }

    @Override
    public String name() {
        return "news";
    }

    @Override
    public List<Item> fetch(Instrument instrument, Instant since) {
        String symbol = instrument.assetClass() == AssetClass.CRYPTO ? instrument.symbol().replace('-', '/') : instrument.symbol();
        List<Item> items = new ArrayList<>();
        String token = null;
        for (int page = 0; page < maxPages; page++) {
            String q = "symbols=" + enc(symbol) + "&start=" + enc(since.toString()) + "&limit=" + limit + "&include_content=false"
                    + (token == null ? "" : "&page_token=" + enc(token));
            JsonNode root = http.get(name(), JsonHttp.at(base, "/v1beta1/news?" + q));
            JsonNode news = root.path("news");
            if (!news.isArray()) {
                throw new SourceException("news: answer has no news array");
            }
            for (int i = 0; i < news.size(); i++) {
                JsonNode n = news.get(i);
                String where = "news: news[" + i + "]";
                JsonNode id = n.path("id");
                if (!id.isNumber() && !id.isTextual()) {
                    throw new SourceException(where + ".id is missing");
                }
                Instant created;
                try {
                    created = Instant.parse(JsonHttp.text(n, "created_at", where));
                } catch (DateTimeParseException e) {
                    throw new SourceException(where + ".created_at is not an RFC-3339 time");
                }
                items.add(new Item(name(), id.asText(), instrument.symbol(), created, JsonHttp.text(n, "headline", where),
                        n.path("summary").asText(""), n.path("url").isTextual() ? n.path("url").asText() : null));
            }
            JsonNode next = root.path("next_page_token");
            token = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
            if (token == null) {
                return items;
            }
        }
        return items;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
