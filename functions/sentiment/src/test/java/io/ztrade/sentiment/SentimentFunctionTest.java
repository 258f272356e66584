package io.ztrade.sentiment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static io.ztrade.sentiment.StubSources.server;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.infra.PostgresResource;
import io.ztrade.infra.RedisResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The function over HTTP against stub sources in their real shapes (Alpaca news, Reddit listings,
 * SEC submissions): scores and breakdown, a failing source named missing (500, 429, timeout,
 * malformed JSON, wrong content type), empty answers, news pagination and a full page, idempotent
 * items, the Redis cache with its PostgreSQL fallback, and bad requests.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(RedisResource.class)
@QuarkusTestResource(StubSources.class)
@QuarkusTestResource(RecordingSink.class)
class SentimentFunctionTest {

    @Inject
    AgroalDataSource db;

    @Inject
    RedisDataSource redis;

    @Inject
    SentimentStore store;

    static final String NOW = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();

    static String news(String token, int from, int count, String... headlines) {
        StringBuilder b = new StringBuilder("{\"news\":[");
        for (int i = 0; i < count; i++) {
            String h = headlines.length == 0 ? "Apple shares rise after strong results " + (from + i) : headlines[i % headlines.length];
            b.append(i == 0 ? "" : ",").append("""
                    {"id":%d,"headline":"%s","author":"Staff","created_at":"%s","updated_at":"%s","summary":"",
                     "content":"","url":"https://news.example/%d","symbols":["AAPL"],"source":"benzinga"}"""
                    .formatted(1000 + from + i, h, NOW, NOW, from + i));
        }
        return b.append("],\"next_page_token\":").append(token == null ? "null" : "\"" + token + "\"").append('}').toString();
    }

    static String listing(String... titles) {
        StringBuilder b = new StringBuilder("{\"kind\":\"Listing\",\"data\":{\"after\":null,\"children\":[");
        long created = Instant.now().minus(2, ChronoUnit.HOURS).getEpochSecond();
        for (int i = 0; i < titles.length; i++) {
            b.append(i == 0 ? "" : ",").append("""
                    {"kind":"t3","data":{"id":"p%d%s","title":"%s","selftext":"","created_utc":%d.0,
                     "permalink":"/r/stocks/comments/p%d/"}}""".formatted(i, Integer.toHexString(titles[i].hashCode()), titles[i], created, i));
        }
        return b.append("]}}").toString();
    }

    static String submissions(String form, String description) {
        String today = Instant.now().toString().substring(0, 10);
        return """
                {"cik":"320193","name":"Apple Inc.","tickers":["AAPL"],"filings":{"recent":{
                 "accessionNumber":["0000320193-26-000001","0000320193-26-000002"],"form":["%s","4"],
                 "filingDate":["%s","%s"],"primaryDocDescription":["%s","statement of changes"]}}}"""
                .formatted(form, today, today, description);
    }

    @BeforeEach
    void stubAllHealthy() {
        stubHealthySources();
    }

    /** All three sources answer: 3 news items, 2 Reddit posts on AAPL, 1 SEC filing of interest. */
    static void stubHealthySources() {
        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/v1beta1/news")).willReturn(okJson(news(null, 0, 3,
                "Apple beats estimates as iPhone sales surge", "Analysts upgrade Apple on strong growth", "Apple schedules a meeting"))));
        server.stubFor(get(urlPathEqualTo("/r/stocks/new.json")).willReturn(okJson(listing(
                "$AAPL is a great buy", "Thoughts on TSLA?", "AAPL terrible guidance, awful quarter"))));
        server.stubFor(get(urlPathEqualTo("/r/investing/new.json")).willReturn(okJson(listing())));
        server.stubFor(get(urlPathEqualTo("/submissions/CIK0000320193.json")).willReturn(okJson(submissions("8-K", "results of operations"))));
    }

    static Response post(String type, String data) {
        return given().contentType(ContentType.JSON).header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-source", "/tests/sentiment").header("ce-type", type).body(data).post("/");
    }

    static JsonPath scoreAapl() {
        return post(EventTypes.SENTIMENT_FETCH_REQUESTED, "{\"symbols\":[\"AAPL\"]}").then().statusCode(200)
                .header("ce-type", EventTypes.SENTIMENT_SCORED).header("ce-source", EventSources.SENTIMENT_FUNCTION)
                .extract().jsonPath();
    }

    @Test
    void shouldScoreEverySourceAndSendTheRequiredHeaders() {
        JsonPath r = scoreAapl();
        assertThat(r.getString("symbol")).isEqualTo("AAPL");
        assertThat(r.getDouble("score")).isPositive();
        assertThat(r.getInt("itemCount")).isEqualTo(3 + 2 + 1);
        assertThat(r.getList("missingSources")).isEmpty();
        assertThat(r.getList("sources.source")).containsExactly("news", "reddit", "sec");
        assertThat(r.getList("sources.weight", Float.class)).containsExactly(0.40f, 0.25f, 0.25f);
        server.verify(getRequestedFor(urlPathEqualTo("/v1beta1/news")).withQueryParam("symbols", equalTo("AAPL"))
                .withQueryParam("include_content", equalTo("false")).withHeader("APCA-API-KEY-ID", equalTo("news-key-1"))
                .withHeader("APCA-API-SECRET-KEY", equalTo("news-secret-1")).withQueryParam("page_token", absent()));
        server.verify(getRequestedFor(urlPathEqualTo("/submissions/CIK0000320193.json"))
                .withHeader("User-Agent", equalTo("Ztrade sentiment fetcher admin@ztrade.invalid")));
        String cached = redis.value(String.class).get("ztrade:sentiment:AAPL");
        assertThat(cached).contains("\"symbol\":\"AAPL\"");
    }

    @Test
    void shouldNameAFailingSourceMissingAndLowerTheConfidence() {
        double full = scoreAapl().getDouble("confidence");
        String[][] faults = {{"500", null}, {"429", "30"}};
        for (String[] f : faults) {
            server.stubFor(get(urlPathEqualTo("/r/stocks/new.json")).willReturn(f[1] == null ? aResponse().withStatus(500)
                    : aResponse().withStatus(429).withHeader("Retry-After", f[1])));
            JsonPath r = scoreAapl();
            assertThat(r.getList("missingSources")).as(f[0]).containsExactly("reddit");
            assertThat(r.getDouble("confidence")).isLessThan(full);
            assertThat(r.getList("sources.source")).containsExactly("news", "sec");
        }
    }

    @Test
    void shouldNameASourceMissingOnTimeoutMalformedJsonOrAWrongContentType() {
        server.stubFor(get(urlPathEqualTo("/v1beta1/news")).willReturn(okJson(news(null, 0, 1)).withFixedDelay(1500)));
        assertThat(scoreAapl().getList("missingSources")).containsExactly("news");
        server.stubFor(get(urlPathEqualTo("/v1beta1/news")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"news\":[{\"id\":")));
        assertThat(scoreAapl().getList("missingSources")).containsExactly("news");
        server.stubFor(get(urlPathEqualTo("/submissions/CIK0000320193.json")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>Request Rate Threshold Exceeded</html>")));
        assertThat(scoreAapl().getList("missingSources")).containsExactly("news", "sec");
    }

    @Test
    void shouldScoreEmptyAnswersAsNeutralWithoutMissingSources() {
        server.stubFor(get(urlPathEqualTo("/v1beta1/news")).willReturn(okJson("{\"news\":[],\"next_page_token\":null}")));
        server.stubFor(get(urlPathEqualTo("/r/stocks/new.json")).willReturn(okJson(listing())));
        server.stubFor(get(urlPathEqualTo("/submissions/CIK0000320193.json")).willReturn(okJson(submissions("4", "ownership"))));
        JsonPath r = post(EventTypes.SENTIMENT_FETCH_REQUESTED, "{\"symbols\":[\"AAPL\"]}").then().statusCode(200).extract().jsonPath();
        assertThat(r.getInt("itemCount")).isZero();
        assertThat(r.getDouble("score")).isZero();
        assertThat(r.getDouble("confidence")).isZero();
        assertThat(r.getList("missingSources")).isEmpty();
    }

    @Test
    void shouldFollowNewsPagesAndReadAFullPage() {
        server.stubFor(get(urlPathEqualTo("/v1beta1/news")).withQueryParam("page_token", absent())
                .willReturn(okJson(news("cGFnZTI=", 0, 50))));
        server.stubFor(get(urlPathEqualTo("/v1beta1/news")).withQueryParam("page_token", equalTo("cGFnZTI="))
                .willReturn(okJson(news(null, 50, 7))));
        JsonPath r = scoreAapl();
        assertThat(r.getList("sources.items", Integer.class).get(0)).isEqualTo(57);
    }

    @Test
    void shouldStoreEachItemOnceAcrossRuns() throws Exception {
        scoreAapl();
        long items = count("select count(*) from sentiment_item where symbol = 'AAPL'");
        scoreAapl();
        assertThat(count("select count(*) from sentiment_item where symbol = 'AAPL'")).isEqualTo(items);
        assertThat(count("select count(*) from sentiment_item where source = 'sec' and item_id = '0000320193-26-000001'")).isEqualTo(1);
    }

    @Test
    void shouldReplyPerSymbolAndRunAPing() {
        int before = RecordingSink.subjects().size();
        post("dev.knative.sources.ping", "{\"symbols\":[\"AAPL\",\"BTC-USD\"]}").then().statusCode(200)
                .header("ce-type", EventTypes.SENTIMENT_SCORED).body("symbol", org.hamcrest.Matchers.equalTo("BTC-USD"));
        assertThat(RecordingSink.subjects().subList(before, RecordingSink.subjects().size())).contains("AAPL");
    }

    @Test
    void shouldFallBackToPostgresWhenTheCacheMisses() {
        scoreAapl();
        var cached = store.latest("AAPL").orElseThrow();
        redis.key().del("ztrade:sentiment:AAPL");
        var stored = store.latest("AAPL").orElseThrow();
        assertThat(stored.score()).isEqualTo(cached.score());
        assertThat(stored.sources()).isEqualTo(cached.sources());
        assertThat(stored.missingSources()).isEqualTo(cached.missingSources());
    }

    @Test
    void shouldReplyFailedNamingTheFieldAndStoreNothing() throws Exception {
        long scores = count("select count(*) from sentiment_score");
        for (String[] c : List.of(new String[] {"{\"symbols\":[]}", "symbols"}, new String[] {"{}", "symbols"},
                new String[] {"{\"symbols\":[\"AAPL\",\"NOPE\"]}", "symbols[1]"})) {
            post(EventTypes.SENTIMENT_FETCH_REQUESTED, c[0]).then().statusCode(200)
                    .header("ce-type", EventTypes.SENTIMENT_FETCH_FAILED).body("field", org.hamcrest.Matchers.equalTo(c[1]))
                    .body("code", org.hamcrest.Matchers.equalTo("INVALID_REQUEST"));
        }
        assertThat(count("select count(*) from sentiment_score")).isEqualTo(scores);
    }

    long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
