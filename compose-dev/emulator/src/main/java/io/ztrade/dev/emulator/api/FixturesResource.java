package io.ztrade.dev.emulator.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stand-ins for the sentiment fetcher's sources on the local platform, in their real shapes: the
 * Alpaca news API ({@code /fixtures/v1beta1/news}), Reddit listings ({@code /fixtures/r/<sub>/new.json})
 * and SEC EDGAR submissions ({@code /fixtures/submissions/CIK##########.json}). Without provider keys
 * the platform points the function at these, so that scores arrive; each 15-minute slot brings new
 * items. The texts are sample sentences, not news.
 */
@Path("/fixtures")
@Produces(MediaType.APPLICATION_JSON)
public class FixturesResource {

    static final String[] HEADLINES = {
        "%s beats estimates as sales surge",
        "Analysts upgrade %s on strong growth",
        "%s shares slip as costs rise",
        "%s announces a larger buyback program",
        "Investors worry about weak demand for %s",
        "%s schedules its next earnings call",
    };

    static long slot(Instant now) {
        return now.getEpochSecond() / 900;
    }

    @GET
    @Path("v1beta1/news")
    public Map<String, Object> news(@QueryParam("symbols") String symbols, @QueryParam("start") String start) {
        long slot = slot(Instant.now());
        List<Map<String, Object>> items = new ArrayList<>();
        String symbol = symbols == null ? "AAPL" : symbols.split(",")[0];
        String name = symbol.split("/")[0];
        for (int i = 0; i < 2; i++) {
            long n = slot * 2 + i;
            String created = Instant.now().minus(5 + i, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", n * 31 + Math.abs(symbol.hashCode() % 31));
            item.put("headline", HEADLINES[(int) (n % HEADLINES.length)].formatted(name));
            item.put("author", "Fixture Desk");
            item.put("created_at", created);
            item.put("updated_at", created);
            item.put("summary", "");
            item.put("content", "");
            item.put("url", "http://localhost/fixtures/news/" + n);
            item.put("symbols", List.of(symbol));
            item.put("source", "fixture");
            items.add(item);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("news", items);
        out.put("next_page_token", null);
        return out;
    }

    @GET
    @Path("r/{subreddit}/new.json")
    public Map<String, Object> reddit(@PathParam("subreddit") String subreddit) {
        long slot = slot(Instant.now());
        List<Map<String, Object>> children = new ArrayList<>();
        String[][] posts = {{"$AAPL looks great into earnings", "AAPL"}, {"BTC is crashing again, terrible week", "BTC"},
            {"ETH upgrade went smoothly, very bullish", "ETH"}};
        for (int i = 0; i < posts.length; i++) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("id", subreddit + "-" + slot + "-" + i);
            data.put("title", posts[(int) ((slot + i) % posts.length)][0]);
            data.put("selftext", "");
            data.put("created_utc", (double) Instant.now().minus(10, ChronoUnit.MINUTES).getEpochSecond());
            data.put("permalink", "/r/" + subreddit + "/comments/" + slot + i + "/");
            children.add(Map.of("kind", "t3", "data", data));
        }
        return Map.of("kind", "Listing", "data", Map.of("children", children));
    }

    @GET
    @Path("submissions/{file}")
    public Map<String, Object> submissions(@PathParam("file") String file) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Map<String, Object> recent = new LinkedHashMap<>();
        recent.put("accessionNumber", List.of("0000000000-26-" + String.format("%06d", slot(Instant.now()) % 1_000_000)));
        recent.put("form", List.of("8-K"));
        recent.put("filingDate", List.of(today));
        recent.put("primaryDocDescription", List.of("results of operations and financial condition"));
        return Map.of("cik", file.replaceAll("\\D", ""), "filings", Map.of("recent", recent));
    }
}
