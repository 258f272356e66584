package io.ztrade.marketdata;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.ztrade.domain.market.Timeframe;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.testtools.RecordingHttpSink;
import io.ztrade.infra.PostgresResource;
import io.ztrade.infra.RedisResource;
import io.ztrade.persistence.MarketBarRepository;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The function over HTTP with binary CloudEvents, on the replay provider: replies, the rows in
 * PostgreSQL, the Redis cache, the per-symbol events to K_SINK, idempotence and bad input.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(RedisResource.class)
@QuarkusTestResource(RecordingSink.class)
class MarketDataFunctionTest {

    @Inject
    MarketBarRepository bars;

    @Inject
    BarCache cache;

    @Inject
    RedisDataSource redis;

    static Response post(String type, String id, String data) {
        return given().contentType(ContentType.JSON)
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/tests/market-data").header("ce-type", type)
                .body(data).post("/");
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    @Test
    void shouldStoreCacheAndReplyPerSymbol() {
        String id = newId();
        post(EventTypes.MARKETDATA_FETCH_REQUESTED, id, "{\"symbols\":[\"AAPL\",\"ETH-USD\"],\"timeframe\":\"15Min\"}")
                .then().statusCode(200)
                .header("ce-type", EventTypes.MARKETDATA_UPDATED)
                .header("ce-source", EventSources.MARKETDATA_FUNCTION)
                .body("symbol", equalTo("ETH-USD"))
                .body("timeframe", equalTo("15Min"))
                .body("count", greaterThan(90));
        assertThat(bars.count("ETH-USD", Timeframe.MIN_15)).isBetween(99L, 100L);
        assertThat(bars.count("AAPL", Timeframe.MIN_15)).isBetween(99L, 100L);
        assertThat(RecordingSink.received()).anySatisfy(e -> {
            assertThat(e.getType()).isEqualTo(EventTypes.MARKETDATA_UPDATED);
            assertThat(e.getSubject()).isEqualTo("AAPL");
        });
        String cached = redis.value(String.class).get("ztrade:bars:ETH-USD:15Min");
        assertThat(cached).contains("\"symbol\":\"ETH-USD\"").contains("\"timeframe\":\"15Min\"");
        BarCache.CachedBars read = cache.read("ETH-USD", "15Min");
        assertThat(read.bars()).hasSizeBetween(99, 100);
        assertThat(read.bars().get(read.bars().size() - 1).t()).isBefore(Instant.now()).isAfter(Instant.now().minus(31, ChronoUnit.MINUTES));
    }

    @Test
    void shouldCarryTheDeliverysTraceToTheEventsItEmits() {
        String trace = UUID.randomUUID().toString().replace("-", "");
        String brokerSpan = "00f067aa0ba902b7";
        given().contentType(ContentType.JSON).header("ce-specversion", "1.0").header("ce-id", newId())
                .header("ce-source", "/tests/market-data").header("ce-type", EventTypes.MARKETDATA_FETCH_REQUESTED)
                .header("traceparent", "00-" + trace + "-" + brokerSpan + "-01")
                .body("{\"symbols\":[\"AAPL\",\"ETH-USD\"],\"timeframe\":\"1Day\"}").post("/").then().statusCode(200);

        List<RecordingHttpSink.Request> emitted = RecordingSink.sink.requests().stream()
                .filter(r -> r.headers().getOrDefault("traceparent", "").contains(trace)).toList();
        // The per-symbol event (AAPL; the last symbol is the reply) went to K_SINK within the trace.
        assertThat(emitted).singleElement().satisfies(r -> {
            assertThat(r.headers()).containsEntry("ce-subject", "AAPL");
            // It names the trace it started in: this function's span, a child of the broker's delivery.
            assertThat(r.headers().get("ce-traceparent")).matches("00-" + trace + "-[0-9a-f]{16}-01").doesNotContain(brokerSpan);
            // The hop to the sink is a span of the same trace.
            assertThat(r.headers().get("traceparent")).matches("00-" + trace + "-[0-9a-f]{16}-01");
        });
    }

    @Test
    void shouldStoreNothingTwiceWhenTheSameWindowIsFetchedAgain() {
        String data = "{\"symbols\":[\"BTC-USD\"],\"timeframe\":\"1Hour\",\"since\":\"" + Instant.now().minus(2, ChronoUnit.DAYS) + "\"}";
        post(EventTypes.MARKETDATA_FETCH_REQUESTED, newId(), data).then().statusCode(200).body("count", greaterThan(40));
        long count = bars.count("BTC-USD", Timeframe.HOUR_1);
        post(EventTypes.MARKETDATA_FETCH_REQUESTED, newId(), data).then().statusCode(200).body("count", equalTo(0));
        assertThat(bars.count("BTC-USD", Timeframe.HOUR_1)).isEqualTo(count);
    }

    @Test
    void shouldReplayTheSameReplyToARedeliveredEvent() {
        String id = newId();
        String data = "{\"symbols\":[\"ETH-USD\"],\"timeframe\":\"1Min\"}";
        Response first = post(EventTypes.MARKETDATA_FETCH_REQUESTED, id, data).then().statusCode(200).extract().response();
        Response again = post(EventTypes.MARKETDATA_FETCH_REQUESTED, id, data).then().statusCode(200).extract().response();
        assertThat(again.header("ce-id")).isEqualTo(first.header("ce-id"));
        assertThat(again.jsonPath().getInt("count")).isEqualTo(first.jsonPath().getInt("count"));
    }

    @Test
    void shouldRunAPingCarryingTheRequestAsData() {
        post("dev.knative.sources.ping", newId(), "{\"symbols\":[\"ETH-USD\"],\"timeframe\":\"5Min\"}")
                .then().statusCode(200).header("ce-type", EventTypes.MARKETDATA_UPDATED).body("symbol", equalTo("ETH-USD"));
    }

    @Test
    void shouldReplyFailedNamingTheFieldAndStoreNothing() {
        long before = bars.count("AAPL", Timeframe.MIN_1);
        String future = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        String[][] cases = {
            {"{\"symbols\":[],\"timeframe\":\"1Min\"}", "symbols"},
            {"{\"timeframe\":\"1Min\"}", "symbols"},
            {"{\"symbols\":[\"AAPL\",\"DOGE\"],\"timeframe\":\"1Min\"}", "symbols[1]"},
            {"{\"symbols\":[\"AAPL\"],\"timeframe\":\"2Min\"}", "timeframe"},
            {"{\"symbols\":[\"AAPL\"],\"timeframe\":\"1Min\",\"since\":\"" + future + "\"}", "since"},
        };
        for (String[] c : cases) {
            post(EventTypes.MARKETDATA_FETCH_REQUESTED, newId(), c[0]).then().statusCode(200)
                    .header("ce-type", EventTypes.MARKETDATA_FETCH_FAILED)
                    .body("field", equalTo(c[1]))
                    .body("code", equalTo("INVALID_REQUEST"));
        }
        assertThat(bars.count("AAPL", Timeframe.MIN_1)).isEqualTo(before);
        assertThat(redis.key().exists("ztrade:bars:AAPL:1Min")).isFalse();
    }

    @Test
    void shouldAnswer400ForATypeItDoesNotTake() {
        post(EventTypes.BACKTEST_REQUESTED, newId(), "{}").then().statusCode(400).body("field", equalTo("type"));
    }

    @Test
    void shouldFallBackToPostgresWhenTheCacheMisses() {
        post(EventTypes.MARKETDATA_FETCH_REQUESTED, newId(), "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1Day\"}").then().statusCode(200);
        BarCache.CachedBars cached = cache.read("AAPL", "1Day");
        redis.key().del("ztrade:bars:AAPL:1Day");
        assertThat(cache.read("AAPL", "1Day")).isEqualTo(cached);
        assertThat(cached.bars()).isNotEmpty();
    }

    @Test
    void shouldBeReadyWhenItServes() {
        given().get("/q/health/ready").then().statusCode(200);
    }
}
