package io.ztrade.sentiment;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static io.ztrade.sentiment.StubSources.server;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.infra.PostgresResource;
import io.ztrade.infra.RedisResource;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The function's HTTP contract, asserted through HTTP only (its sources are the WireMock server of
 * {@link StubSources}), so that {@link SentimentHttpContractIT} reruns it against the packaged
 * artifact (and trains the JDK AOT cache `./ztrade` builds with it).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(RedisResource.class)
@QuarkusTestResource(StubSources.class)
@QuarkusTestResource(RecordingSink.class)
class SentimentHttpContractTest {

    @BeforeEach
    void stubAllHealthy() {
        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/v1beta1/news")).willReturn(okJson(SentimentFunctionTest.news(null, 0, 2,
                "Apple beats estimates as iPhone sales surge", "Analysts upgrade Apple on strong growth"))));
        server.stubFor(get(urlPathEqualTo("/r/stocks/new.json")).willReturn(okJson(SentimentFunctionTest.listing("$AAPL is a great buy"))));
        server.stubFor(get(urlPathEqualTo("/r/investing/new.json")).willReturn(okJson(SentimentFunctionTest.listing())));
        server.stubFor(get(urlPathEqualTo("/submissions/CIK0000320193.json"))
                .willReturn(okJson(SentimentFunctionTest.submissions("8-K", "results of operations"))));
    }

    static Response post(String type, String data) {
        return given().contentType(ContentType.JSON).header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-source", "/tests/contract").header("ce-type", type).body(data).post("/");
    }

    @Test
    void shouldReplyScoredFromEverySource() {
        post(EventTypes.SENTIMENT_FETCH_REQUESTED, "{\"symbols\":[\"AAPL\"]}").then().statusCode(200)
                .header("ce-type", EventTypes.SENTIMENT_SCORED)
                .header("ce-source", EventSources.SENTIMENT_FUNCTION)
                .body("symbol", equalTo("AAPL"))
                .body("score", greaterThan(0f))
                .body("itemCount", equalTo(2 + 1 + 1))
                .body("sources.source", contains("news", "reddit", "sec"));
    }

    @Test
    void shouldReplyFailedNamingTheFieldOfABadRequest() {
        post(EventTypes.SENTIMENT_FETCH_REQUESTED, "{\"symbols\":[\"AAPL\",\"NOPE\"]}").then().statusCode(200)
                .header("ce-type", EventTypes.SENTIMENT_FETCH_FAILED)
                .body("field", equalTo("symbols[1]"))
                .body("code", equalTo("INVALID_REQUEST"));
    }

    @Test
    void shouldAnswer400ForAnUnknownType() {
        post("io.ztrade.unknown", "{}").then().statusCode(400).body("field", equalTo("type"));
    }
}
