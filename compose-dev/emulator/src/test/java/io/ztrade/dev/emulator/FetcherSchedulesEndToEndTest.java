package io.ztrade.dev.emulator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.ztrade.dev.emulator.delivery.Outcome;
import io.ztrade.dev.emulator.sources.PingSources;
import io.ztrade.dev.emulator.support.FetchersPlatform;
import io.ztrade.domain.market.Timeframe;
import io.ztrade.persistence.MarketBarRepository;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fetchers' schedules on the platform as {@code ./ztrade up} runs it: a PingSource of the
 * repository's manifests fires, its ping goes through the broker and the Trigger
 * {@code market-data-ping} (or {@code sentiment-ping}) to the function (scaled from zero, replaying
 * the shipped data, or reading the emulator's source fixtures), and the function's replies come back
 * into the broker; bars and scores are in PostgreSQL.
 */
@QuarkusTest
@TestProfile(FetchersPlatform.class)
class FetcherSchedulesEndToEndTest {

    @Inject
    Platform platform;

    @Inject
    MarketBarRepository bars;

    @Test
    void aCryptoPingReachesTheFunctionAndItsRepliesReachTheBroker() throws Exception {
        PingSources.Ping ping = platform.pings().find("ztrade/marketdata-crypto").orElseThrow();
        Outcome o = platform.pings().fire(ping);
        assertThat(o.delivered()).as("the broker took the ping").isTrue();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> updatedSymbols().contains("ETH-USD")
                && updatedSymbols().contains("BTC-USD"));
        JsonPath pings = given().queryParam("type", PingSources.EVENT_TYPE).get("/api/events").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> crypto = pings.<Map<String, Object>>getList("events").stream()
                .filter(e -> "/apis/v1/namespaces/ztrade/pingsources/marketdata-crypto".equals(e.get("source"))).toList();
        assertThat(crypto).isNotEmpty();
        String id = String.valueOf(crypto.get(crypto.size() - 1).get("id"));
        await().atMost(Duration.ofSeconds(30)).until(() -> event(id).getList("replyChain.type").contains("io.ztrade.marketdata.updated"));
        JsonPath e = event(id);
        assertThat(e.getList("event.deliveries.trigger")).contains("market-data-ping");
        assertThat(bars.count("ETH-USD", Timeframe.MIN_5)).isGreaterThan(0);
        assertThat(bars.count("BTC-USD", Timeframe.MIN_5)).isGreaterThan(0);

        // One trace from the ping to every update: the reply (ETH-USD, through the broker's delivery)
        // and the event the function emitted to its K_SINK itself (BTC-USD, the function's span).
        String trace = e.getString("event.attributes.traceparent").split("-")[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> symbolsUpdatedIn(trace).containsAll(List.of("ETH-USD", "BTC-USD")));
    }

    /** The symbols of the {@code marketdata.updated} events that started in {@code trace}. */
    static List<Object> symbolsUpdatedIn(String trace) {
        List<Map<String, Object>> events = given().queryParam("type", "io.ztrade.marketdata.updated").get("/api/events").then()
                .extract().jsonPath().getList("events");
        return events.stream().filter(ev -> String.valueOf(((Map<?, ?>) ev.get("attributes")).get("traceparent")).contains("-" + trace + "-"))
                .map(ev -> ((Map<?, ?>) ev.get("data")).get("symbol")).map(Object.class::cast).toList();
    }

    @Test
    void aSentimentPingScoresEverySymbolFromTheFixturesWithoutKeys() throws Exception {
        PingSources.Ping ping = platform.pings().find("ztrade/sentiment").orElseThrow();
        assertThat(platform.pings().fire(ping).delivered()).isTrue();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> given()
                .queryParam("type", "io.ztrade.sentiment.scored").get("/api/events").then().extract().jsonPath()
                .getList("events.data.symbol").containsAll(List.of("AAPL", "BTC-USD", "ETH-USD")));
        JsonPath scored = given().queryParam("type", "io.ztrade.sentiment.scored").get("/api/events").then().extract().jsonPath();
        List<Map<String, Object>> aapl = scored.<Map<String, Object>>getList("events.data").stream()
                .filter(d -> "AAPL".equals(d.get("symbol"))).toList();
        Map<String, Object> last = aapl.get(aapl.size() - 1);
        assertThat((List<?>) last.get("missingSources")).as("every source answered from the fixtures").isEmpty();
        assertThat(((Number) last.get("itemCount")).intValue()).isGreaterThan(0);
    }

    @Test
    void theEquitySchedulesRunInNewYorkTime() {
        List<Map<String, Object>> pings = given().get("/api/sources").then().statusCode(200).extract().jsonPath().getList("pingSources");
        assertThat(pings).filteredOn(p -> String.valueOf(p.get("name")).startsWith("marketdata-equities"))
                .hasSize(3)
                .allSatisfy(p -> {
                    assertThat(p.get("timezone")).isEqualTo("America/New_York");
                    assertThat(p.get("nextFireAt")).isNotNull();
                });
    }

    static List<String> updatedSymbols() {
        return given().queryParam("type", "io.ztrade.marketdata.updated").get("/api/events").then().extract().jsonPath()
                .getList("events.data.symbol");
    }

    static JsonPath event(String id) {
        return given().get("/api/events/" + id).then().statusCode(200).extract().jsonPath();
    }
}
