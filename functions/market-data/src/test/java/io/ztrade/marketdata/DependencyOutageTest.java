package io.ztrade.marketdata;

import static io.ztrade.marketdata.MarketDataFunctionTest.newId;
import static io.ztrade.marketdata.MarketDataFunctionTest.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ztrade.domain.market.Timeframe;
import io.ztrade.events.EventTypes;
import io.ztrade.persistence.MarketBarRepository;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL or Redis down during a fetch: the job fails with a 5xx (so the broker redelivers it),
 * records no completion, and the redelivery of the same event completes it. The cache is only a
 * cache: reads fall back to PostgreSQL while Redis is down.
 */
@QuarkusTest
@QuarkusTestResource(value = FaultyDependencies.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RecordingSink.class, restrictToAnnotatedClass = true)
class DependencyOutageTest {

    @Inject
    MarketBarRepository bars;

    @Inject
    BarCache cache;

    @Inject
    RedisDataSource redis;

    @AfterEach
    void restore() {
        FaultyDependencies.postgres.restore();
        FaultyDependencies.redis.restore();
    }

    @Test
    void aFetchWithPostgresDownFailsCleanlyAndItsRedeliveryStoresTheBars() {
        String id = newId();
        String data = "{\"symbols\":[\"AAPL\"],\"timeframe\":\"1Hour\"}";
        FaultyDependencies.postgres.cut();
        int status = post(EventTypes.MARKETDATA_FETCH_REQUESTED, id, data).then().extract().statusCode();
        assertThat(status).as("a retryable status, so that the broker redelivers").isGreaterThanOrEqualTo(500);
        FaultyDependencies.postgres.restore();
        assertThat(bars.count("AAPL", Timeframe.HOUR_1)).as("nothing stored while PostgreSQL was down").isZero();

        post(EventTypes.MARKETDATA_FETCH_REQUESTED, id, data).then().statusCode(200)
                .header("ce-type", EventTypes.MARKETDATA_UPDATED).body("count", greaterThan(0));
        assertThat(bars.count("AAPL", Timeframe.HOUR_1)).isPositive();
        assertThat(redis.key().exists(BarCache.key("AAPL", "1Hour"))).isTrue();
    }

    @Test
    void aFetchWithRedisDownFailsCleanlyAndItsRedeliveryFillsTheCache() {
        String id = newId();
        String data = "{\"symbols\":[\"BTC-USD\"],\"timeframe\":\"1Day\"}";
        FaultyDependencies.redis.cut();
        int status = post(EventTypes.MARKETDATA_FETCH_REQUESTED, id, data).then().extract().statusCode();
        assertThat(status).as("a retryable status, so that the broker redelivers").isGreaterThanOrEqualTo(500);
        long stored = bars.count("BTC-USD", Timeframe.DAY_1);
        assertThat(cache.read("BTC-USD", "1Day")).as("the read falls back to PostgreSQL")
                .isEqualTo(cache.fromDatabase("BTC-USD", "1Day"));
        FaultyDependencies.redis.restore();

        post(EventTypes.MARKETDATA_FETCH_REQUESTED, id, data).then().statusCode(200)
                .header("ce-type", EventTypes.MARKETDATA_UPDATED).body("symbol", equalTo("BTC-USD"));
        assertThat(bars.count("BTC-USD", Timeframe.DAY_1)).as("the redelivery stored nothing twice").isGreaterThanOrEqualTo(stored).isPositive();
        assertThat(redis.value(String.class).get(BarCache.key("BTC-USD", "1Day"))).contains("\"symbol\":\"BTC-USD\"");
        assertThat(cache.read("BTC-USD", "1Day")).isEqualTo(cache.fromDatabase("BTC-USD", "1Day"));
    }
}
