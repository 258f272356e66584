package io.ztrade.sentiment;

import static io.ztrade.sentiment.SentimentFunctionTest.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.infra.PostgresResource;
import io.ztrade.infra.RedisResource;
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
        SentimentFunctionTest.stubHealthySources();
    }

    @Test
    void shouldReplyScoredFromEverySource() {
        post(EventTypes.SENTIMENT_FETCH_REQUESTED, "{\"symbols\":[\"AAPL\"]}").then().statusCode(200)
                .header("ce-type", EventTypes.SENTIMENT_SCORED)
                .header("ce-source", EventSources.SENTIMENT_FUNCTION)
                .body("symbol", equalTo("AAPL"))
                .body("score", greaterThan(0f))
                .body("itemCount", equalTo(3 + 2 + 1))
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
