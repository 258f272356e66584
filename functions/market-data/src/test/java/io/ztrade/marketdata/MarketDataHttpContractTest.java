package io.ztrade.marketdata;

import static io.ztrade.marketdata.MarketDataFunctionTest.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.ztrade.events.EventSources;
import io.ztrade.events.EventTypes;
import io.ztrade.infra.PostgresResource;
import io.ztrade.infra.RedisResource;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The function's HTTP contract, asserted through HTTP only, so that {@link MarketDataHttpContractIT}
 * reruns it against the packaged artifact (and trains the JDK AOT cache `./ztrade` builds with it).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(RedisResource.class)
@QuarkusTestResource(RecordingSink.class)
class MarketDataHttpContractTest {

    @Test
    void shouldReplyUpdatedForTheLastSymbolOfAFetch() {
        post(EventTypes.MARKETDATA_FETCH_REQUESTED, UUID.randomUUID().toString(), "{\"symbols\":[\"AAPL\",\"BTC-USD\"],\"timeframe\":\"5Min\"}")
                .then().statusCode(200)
                .header("ce-type", EventTypes.MARKETDATA_UPDATED)
                .header("ce-source", EventSources.MARKETDATA_FUNCTION)
                .body("symbol", equalTo("BTC-USD"))
                .body("timeframe", equalTo("5Min"))
                .body("count", greaterThan(0));
    }

    @Test
    void shouldReplayTheSameReplyToARedeliveredEvent() {
        String id = UUID.randomUUID().toString();
        String data = "{\"symbols\":[\"ETH-USD\"],\"timeframe\":\"1Hour\"}";
        Response first = post(EventTypes.MARKETDATA_FETCH_REQUESTED, id, data).then().statusCode(200).extract().response();
        Response again = post(EventTypes.MARKETDATA_FETCH_REQUESTED, id, data).then().statusCode(200).extract().response();
        assertThat(again.header("ce-id")).isEqualTo(first.header("ce-id"));
        assertThat(again.header("ce-type")).isEqualTo(EventTypes.MARKETDATA_UPDATED);
    }

    @Test
    void shouldReplyFailedNamingTheFieldOfABadRequest() {
        post(EventTypes.MARKETDATA_FETCH_REQUESTED, UUID.randomUUID().toString(), "{\"symbols\":[\"AAPL\"],\"timeframe\":\"7Min\"}")
                .then().statusCode(200)
                .header("ce-type", EventTypes.MARKETDATA_FETCH_FAILED)
                .body("field", equalTo("timeframe"))
                .body("code", equalTo("INVALID_REQUEST"));
    }

    @Test
    void shouldAnswer400ForAnUnknownType() {
        post("io.ztrade.unknown", UUID.randomUUID().toString(), "{}").then().statusCode(400).body("field", equalTo("type"));
    }
}
