package io.ztrade.sentiment.sources;

import com.fasterxml.jackson.databind.JsonNode;
import io.ztrade.domain.market.Instrument;
import io.ztrade.sentiment.core.Item;
import io.ztrade.sentiment.core.SentimentSource;
import io.ztrade.sentiment.core.SourceException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reddit's public JSON listings, {@code GET /r/<sub>/new.json?limit=100} of each configured
 * subreddit ({@code {"kind":"Listing","data":{"children":[{"kind":"t3","data":{id, title, selftext,
 * created_utc, permalink}}]}}}); a post counts for a symbol when its title or text names the ticker
 * as a word or as {@code $TICKER} (for a crypto pair, its base: {@code BTC}).
 */
public final class RedditSource implements SentimentSource {

    private final URI base;
    private final JsonHttp http;
    private final List<String> subreddits;

    public RedditSource(URI base, JsonHttp http, List<String> subreddits) {
        this.base = base;
        this.http = http;
        this.subreddits = List.copyOf(subreddits);
    }

    @Override
    public String name() {
        return "reddit";
    }

    static Pattern mention(Instrument instrument) {
        String ticker = instrument.symbol().split("-")[0].toUpperCase(Locale.ROOT);
        return Pattern.compile("(?<![A-Za-z0-9])\\$?" + Pattern.quote(ticker) + "(?![A-Za-z0-9])");
    }

    @Override
    public List<Item> fetch(Instrument instrument, Instant since) {
        Pattern mention = mention(instrument);
        List<Item> items = new ArrayList<>();
        for (String sub : subreddits) {
            JsonNode root = http.get(name(), JsonHttp.at(base, "/r/" + sub + "/new.json?limit=100"));
            JsonNode children = root.path("data").path("children");
            if (!children.isArray()) {
                throw new SourceException("reddit: r/" + sub + " answer is not a Listing (data.children missing)");
            }
            for (int i = 0; i < children.size(); i++) {
                JsonNode d = children.get(i).path("data");
                String where = "reddit: r/" + sub + " children[" + i + "].data";
                String title = JsonHttp.text(d, "title", where);
                String text = d.path("selftext").asText("");
                JsonNode created = d.path("created_utc");
                if (!created.isNumber()) {
                    throw new SourceException(where + ".created_utc is missing or not a number");
                }
                Instant published = Instant.ofEpochMilli(Math.round(created.asDouble() * 1000));
                if (published.isBefore(since) || !(mention.matcher(title).find() || mention.matcher(text).find())) {
                    continue;
                }
                String permalink = d.path("permalink").asText(null);
                items.add(new Item(name(), JsonHttp.text(d, "id", where), instrument.symbol(), published, title,
                        text.length() > 2000 ? text.substring(0, 2000) : text,
                        permalink == null ? null : "https://www.reddit.com" + permalink));
            }
        }
        return items;
    }
}
